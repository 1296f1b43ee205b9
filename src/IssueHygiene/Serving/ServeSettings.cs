using Serilog;

namespace IssueHygiene.Serving;

/// <summary>How to build the <c>serve</c> host: configuration overrides and the few things a test or the CLI decides.</summary>
public sealed record ServeSettings
{
    /// <summary>Configuration applied over appsettings.json and the environment.</summary>
    public IDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary><c>--urls</c>; null: <c>Urls</c> from configuration or <c>ASPNETCORE_URLS</c>.</summary>
    public string? Urls { get; init; }

    public string? RulesPath { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Write logs to the console (JSON when it is not a terminal).</summary>
    public bool ConsoleLogs { get; init; } = true;

    /// <summary>Extra Serilog configuration (tests add a capturing sink).</summary>
    public Action<LoggerConfiguration>? ConfigureLogging { get; init; }
}

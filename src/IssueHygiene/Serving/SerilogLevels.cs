using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace IssueHygiene.Serving;

/// <summary>
/// Reads the log levels of the <c>Serilog:MinimumLevel</c> configuration section in Serilog's own format — a level
/// (<c>Serilog:MinimumLevel=Warning</c>) or <c>Default</c> plus <c>Override:&lt;source&gt;</c> entries — without
/// Serilog.Settings.Configuration, whose sink discovery is reflection over assemblies on disk that a native executable
/// does not have. Sinks are not configurable: <c>serve</c> writes to the console (readable on a terminal, compact JSON
/// otherwise).
/// </summary>
internal static class SerilogLevels
{
    public const string SectionName = "Serilog:MinimumLevel";

    /// <summary>Applies levels read by <see cref="Read"/>.</summary>
    public static void Apply(LoggerConfiguration logging, IReadOnlyList<(string? Source, LogEventLevel Level)> levels)
    {
        foreach (var (source, level) in levels)
        {
            if (source is null)
            {
                logging.MinimumLevel.Is(level);
            }
            else
            {
                logging.MinimumLevel.Override(source, level);
            }
        }
    }

    /// <summary>
    /// The default level (source null) first, then one entry per overridden source; a value that is not a Serilog level
    /// is a <see cref="Hosting.UsageException"/> naming its key.
    /// </summary>
    public static IReadOnlyList<(string? Source, LogEventLevel Level)> Read(IConfiguration configuration)
    {
        var levels = new List<(string?, LogEventLevel)>();
        var section = configuration.GetSection(SectionName);
        if (section.Value is { } plain)
        {
            levels.Add((null, Parse(section.Path, plain)));
            return levels;
        }

        if (section.GetSection("Default").Value is { } defaultLevel)
        {
            levels.Add((null, Parse(section.Path + ":Default", defaultLevel)));
        }

        foreach (var entry in section.GetSection("Override").GetChildren())
        {
            if (entry.Value is { } value)
            {
                levels.Add((entry.Key, Parse(entry.Path, value)));
            }
        }

        return levels;
    }

    private static LogEventLevel Parse(string key, string value) =>
        Enum.TryParse<LogEventLevel>(value.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new Hosting.UsageException(
                $"configuration: {key} ({Hosting.ConfigurationValueCheck.EnvironmentName(key)}) '{value}' is not a log level: Verbose, Debug, Information, Warning, Error or Fatal");
}

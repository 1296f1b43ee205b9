using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.Hosting;
using IssueHygiene.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Cli;

/// <summary>
/// What the commands that talk to GitLab share: configuration (appsettings.json, environment, overrides), the
/// service graph, an initialized store — and turning their failures into one-line errors with the right exit code.
/// </summary>
public sealed class OnlineRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OnlineRuntime(ServiceProvider services, HygieneOptions options)
    {
        _services = services;
        Options = options;
    }

    public HygieneOptions Options { get; }

    public IServiceProvider Services => _services;

    public GitLabCallStatistics Statistics => _services.GetRequiredService<GitLabCallStatistics>();

    public static async Task<OnlineRuntime> StartAsync(CliApp app, IDictionary<string, string?> overrides, string? rulesPath, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, string?>(app.ConfigurationOverrides);
        foreach (var (key, value) in overrides)
        {
            merged[key] = value;
        }

        var configuration = AppConfiguration.Build(merged);
        var options = AppConfiguration.BindOptions(configuration);
        var services = new ServiceCollection()
            .AddSingleton(app.Time)
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddProvider(new TextWriterLoggerProvider(app.Logs))
                .AddFilter("System.Net.Http", LogLevel.Error)
                // The client logs each retry in one line of its own; Polly's own events repeat it with the exception.
                .AddFilter("Polly", LogLevel.None))
            .AddIssueHygiene(configuration, options, rulesPath)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var runtime = new OnlineRuntime(services, options);
        try
        {
            // Options are validated here (as a host would at start-up), before anything is written.
            _ = services.GetRequiredService<IOptions<GitLab.GitLabOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await services.GetRequiredService<IHygieneStore>().InitializeAsync(cancellationToken);
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }

        return runtime;
    }

    /// <summary>Runs a command body, mapping expected failures to messages and exit codes.</summary>
    public static async Task<int> GuardAsync(CliApp app, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OptionsValidationException e)
        {
            throw new UsageException("configuration: " + string.Join("; ", e.Failures));
        }
        catch (StorageUnavailableException e)
        {
            throw new UsageException(e.Message);
        }
        catch (GitLabAuthException e)
        {
            throw new UsageException($"GitLab refused the token ({e.Message}); check GitLab:Token (IssueHygiene__GitLab__Token)");
        }
        catch (GitLabException e)
        {
            app.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services.GetService<IHygieneStore>() is { } store)
        {
            await store.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}

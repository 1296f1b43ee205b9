using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IssueHygiene.GitLab.DependencyInjection;

/// <summary>Registers the GitLab client the way the service uses it.</summary>
public static class GitLabServiceCollectionExtensions
{
    /// <summary>The named HttpClient the client uses.</summary>
    public const string HttpClientName = "GitLab";

    /// <summary>
    /// Binds <see cref="GitLabOptions"/> from <paramref name="section"/> (validated at start-up), and registers
    /// <see cref="IGitLabClient"/> over an HttpClientFactory client with the resilience handler (retry, timeout)
    /// above the shared <see cref="GitLabRateLimiter"/> and <see cref="GitLabCallStatistics"/> singletons.
    /// </summary>
    public static IServiceCollection AddGitLabClient(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<GitLabOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitLabOptions>, GitLabOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<GitLabOptions>>().Value);
        services.TryAddSingleton<GitLabCallStatistics>();
        services.TryAddSingleton(sp => new GitLabRateLimiter(sp.GetRequiredService<GitLabOptions>(), sp.GetRequiredService<TimeProvider>()));

        var httpClient = services.AddHttpClient<IGitLabClient, GitLabClient>(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        // Handlers added first are outermost: retry and timeout wrap each rate-limited, counted attempt.
        httpClient.AddResilienceHandler("gitlab", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<GitLabOptions>();
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<GitLabClient>();
                GitLabResilience.Configure(builder, options, logger);
            });
        httpClient.AddHttpMessageHandler(sp => new GitLabTransportHandler(
                sp.GetRequiredService<GitLabRateLimiter>(),
                sp.GetRequiredService<GitLabCallStatistics>(),
                sp.GetRequiredService<GitLabOptions>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<GitLabClient>()));

        // The narrow roles are views of the one client (one rate limiter, one call count).
        services.TryAddTransient<IGitLabIssueReader>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabIssueWriter>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabNoteWriter>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabTaxonomy>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabDirectory>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabHooks>(sp => sp.GetRequiredService<IGitLabClient>());
        services.TryAddTransient<IGitLabEventEcho>(sp => sp.GetRequiredService<IGitLabClient>());
        // The merge-request role of the same client (same transport, budget and statistics).
        services.TryAddTransient<IGitLabMergeRequests>(sp => sp.GetRequiredService<IGitLabClient>() as IGitLabMergeRequests
            ?? throw new InvalidOperationException("the registered IGitLabClient does not serve merge requests"));
        return services;
    }
}

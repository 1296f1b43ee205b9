using System.Globalization;
using IssueHygiene.Hosting;
using IssueHygiene.Webhooks;

namespace IssueHygiene.Polling;

/// <summary>Registers polling in <c>serve</c> when <c>Poll:Interval</c> is set (off by default).</summary>
public static class PollingServiceCollectionExtensions
{
    /// <summary>
    /// Tests only: an interval below the 10 s minimum <c>Poll:Interval</c> enforces, so end-to-end tests can watch many
    /// polls in seconds. Logged as a warning when used; never set it in production.
    /// </summary>
    public const string TestOnlyIntervalKey = "Poll:TestOnlyInterval";

    /// <summary>Whether <c>serve</c> polls (then it may run without a webhook secret: polling-only installations).</summary>
    public static bool IsEnabled(IConfiguration configuration, HygieneOptions options) => (TestOnlyInterval(configuration) ?? options.Poll.Interval) is not null;

    public static IServiceCollection AddPolling(this IServiceCollection services, IConfiguration configuration, HygieneOptions options)
    {
        var interval = TestOnlyInterval(configuration) ?? options.Poll.Interval;
        if (interval is not { } every)
        {
            return services;
        }

        services.AddSingleton(new PollSchedule(every, PollSchedule.DefaultOverlap));
        services.AddSingleton<MergeRequestPoller>();
        services.AddSingleton<IssuePoller>();

        // Polling only (no webhook can arrive): comment commands are read by the poll. With webhooks they come as Note
        // Hooks, and reading them here too would run each command twice.
        if (WebhookOptionsResolver.Secrets(options.Webhook).Count == 0 && !options.Webhook.AllowInsecure)
        {
            services.AddSingleton<PollCommentReader>();
        }

        services.AddHostedService<PollingService>();
        return services;
    }

    private static TimeSpan? TestOnlyInterval(IConfiguration configuration)
    {
        if (configuration[TestOnlyIntervalKey] is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? interval
            : throw new UsageException($"configuration: {TestOnlyIntervalKey} '{text}' is not a positive time span");
    }
}

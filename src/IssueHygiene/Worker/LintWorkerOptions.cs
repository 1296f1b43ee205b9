using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Worker;

/// <summary>How the lint worker drains the delivery queue (section <c>Worker</c>; every key optional).</summary>
public sealed class LintWorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Issues processed at once (each by one loop; one issue is never processed twice at once).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Quiet time after an issue's newest delivery before it is evaluated, so a burst of edits is evaluated once.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>An issue edited without pause is still evaluated once its oldest waiting delivery is this old.</summary>
    public TimeSpan MaxDebounce { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A claim not finished in this time is presumed dead and handed to another worker.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks at the queue when no delivery wakes it (other replicas' deliveries).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a delivery becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Milestones and labels are fetched again after this long (or at once after a Milestone Hook).</summary>
    public TimeSpan CatalogTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Commands acted on per comment; the rest are answered once, not run (a long comment costs no more).</summary>
    public int MaxCommandsPerComment { get; set; } = Core.Commands.CommentCommandParser.DefaultMaxPerComment;

    /// <summary>
    /// Processed deliveries (a digest each: ids, event, key, times) are deleted after this long. Their idempotency keys
    /// go with them, so keep it longer than GitLab could resend (it retries for hours, not days).
    /// </summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often <c>serve</c> deletes processed deliveries past <see cref="DeliveryRetention"/> (and once at start-up).</summary>
    public TimeSpan DeliveryPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public RetryPolicy RetryPolicy => new(MaxAttempts, RetryBaseDelay, RetryMaxDelay);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > 64)
        {
            problems.Add($"Worker:Concurrency {Concurrency} must be between 1 and 64");
        }

        if (Debounce < TimeSpan.Zero || MaxDebounce < Debounce)
        {
            problems.Add($"Worker:Debounce {Debounce} must be 0 or more and not above Worker:MaxDebounce {MaxDebounce}");
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(5))
        {
            problems.Add($"Worker:VisibilityTimeout {VisibilityTimeout} is shorter than 5 seconds");
        }

        if (IdlePoll <= TimeSpan.Zero)
        {
            problems.Add($"Worker:IdlePoll {IdlePoll} must be positive");
        }

        if (MaxAttempts < 1 || RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            problems.Add("Worker:MaxAttempts must be 1 or more and Worker:RetryBaseDelay not above Worker:RetryMaxDelay");
        }

        if (MaxCommandsPerComment is < 1 or > 100)
        {
            problems.Add($"Worker:MaxCommandsPerComment {MaxCommandsPerComment} must be between 1 and 100");
        }

        if (DeliveryRetention < TimeSpan.FromHours(1))
        {
            problems.Add($"Worker:DeliveryRetention {DeliveryRetention} is shorter than an hour (GitLab may still resend)");
        }

        if (DeliveryPurgeInterval <= TimeSpan.Zero)
        {
            problems.Add($"Worker:DeliveryPurgeInterval {DeliveryPurgeInterval} must be positive");
        }

        return problems;
    }
}

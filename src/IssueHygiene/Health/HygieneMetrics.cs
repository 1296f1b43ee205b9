using System.Collections.Concurrent;

namespace IssueHygiene.Health;

/// <summary>
/// The service's counters for <c>GET /metrics</c> (names are a contract, docs/architecture.md §6). Plain interlocked counters:
/// the endpoint renders them as Prometheus text, so no metrics library sits in the webhook's hot path.
/// </summary>
public sealed class HygieneMetrics
{
    private long _received;
    private long _deduplicated;
    private long _processed;
    private long _failed;
    private long _deadLettered;
    private long _evaluations;
    private long _sweepDurationTicks = -1;
    private long _lastSweepFailedIssues = -1;

    public ConcurrentDictionary<string, long> FindingsByRule { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> WritesByKind { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Issues a GitLab error stopped, by outcome (<c>failed</c>, <c>gone</c>), whichever path processed them.</summary>
    public ConcurrentDictionary<string, long> IssueFailuresByOutcome { get; } = new(StringComparer.Ordinal);

    public long Received => Interlocked.Read(ref _received);

    public long Deduplicated => Interlocked.Read(ref _deduplicated);

    public long Processed => Interlocked.Read(ref _processed);

    public long Failed => Interlocked.Read(ref _failed);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>How long the last sweep took; null before the first.</summary>
    public TimeSpan? LastSweepDuration => Interlocked.Read(ref _sweepDurationTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    public void DeliveryReceived() => Interlocked.Increment(ref _received);

    public void DeliveryDeduplicated() => Interlocked.Increment(ref _deduplicated);

    public void DeliveriesProcessed(int count) => Interlocked.Add(ref _processed, count);

    public void DeliveriesFailed(int count) => Interlocked.Add(ref _failed, count);

    public void DeliveriesDeadLettered(int count) => Interlocked.Add(ref _deadLettered, count);

    /// <summary>A delivery refused before it was stored (bad token, too large, malformed).</summary>
    public void DeliveryRejected(string reason) => RejectedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Evaluated(IEnumerable<string> findingRules)
    {
        Interlocked.Increment(ref _evaluations);
        foreach (var rule in findingRules)
        {
            FindingsByRule.AddOrUpdate(rule, 1, (_, n) => n + 1);
        }
    }

    public void Wrote(string kind) => WritesByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>How many issues the last sweep could not process (its report's failures); null before the first.</summary>
    public long? LastSweepFailedIssues => Interlocked.Read(ref _lastSweepFailedIssues) is var n and >= 0 ? n : null;

    /// <summary>One issue's processing was stopped by a GitLab error (the run went on without it).</summary>
    public void IssueFailed(string outcome) => IssueFailuresByOutcome.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    /// <summary>Called by the sweep (scheduled or not) when it ends.</summary>
    public void SweepFinished(TimeSpan duration, int failedIssues)
    {
        Interlocked.Exchange(ref _sweepDurationTicks, duration.Ticks);
        Interlocked.Exchange(ref _lastSweepFailedIssues, failedIssues);
    }
}

using System.Collections.Concurrent;

namespace IssueHygiene.GitLab.Diagnostics;

/// <summary>
/// Thread-safe counters of GitLab calls by endpoint template and status, shared by every caller
/// (register one singleton). Each HTTP attempt counts, so retries are visible.
/// </summary>
public sealed class GitLabCallStatistics
{
    private readonly ConcurrentDictionary<(string Endpoint, int Status), long> _calls = new();
    private long _rateLimitWaitTicks;
    private long _rateLimited;

    public void RecordCall(string endpoint, int statusCode)
    {
        _calls.AddOrUpdate((endpoint, statusCode), 1, static (_, count) => count + 1);
        if (statusCode == 429)
        {
            Interlocked.Increment(ref _rateLimited);
        }
    }

    public void RecordRateLimitWait(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            Interlocked.Add(ref _rateLimitWaitTicks, wait.Ticks);
        }
    }

    public GitLabCallStatisticsSnapshot Snapshot() =>
        new(
            [.. _calls
                .Select(pair => new GitLabCallCount(pair.Key.Endpoint, pair.Key.Status, pair.Value))
                .OrderBy(c => c.Endpoint, StringComparer.Ordinal)
                .ThenBy(c => c.StatusCode)],
            TimeSpan.FromTicks(Interlocked.Read(ref _rateLimitWaitTicks)),
            Interlocked.Read(ref _rateLimited));
}

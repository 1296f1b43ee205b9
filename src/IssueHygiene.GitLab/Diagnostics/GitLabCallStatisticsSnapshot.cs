namespace IssueHygiene.GitLab.Diagnostics;

/// <summary>A consistent copy of the call counters, for the run summary and <c>/metrics</c>.</summary>
/// <param name="Calls">Counts by endpoint and status, sorted by endpoint then status.</param>
/// <param name="RateLimitWait">Total time callers spent waiting for the rate limiter (pacing and 429 pauses).</param>
/// <param name="RateLimitedResponses">How many 429s GitLab answered.</param>
public sealed record GitLabCallStatisticsSnapshot(
    IReadOnlyList<GitLabCallCount> Calls,
    TimeSpan RateLimitWait,
    long RateLimitedResponses)
{
    /// <summary>Every HTTP attempt made, retries included.</summary>
    public long TotalCalls => Calls.Sum(c => c.Count);

    /// <summary>The count for one endpoint and status (0 when never seen).</summary>
    public long CountOf(string endpoint, int statusCode) =>
        Calls.FirstOrDefault(c => c.Endpoint == endpoint && c.StatusCode == statusCode)?.Count ?? 0;
}

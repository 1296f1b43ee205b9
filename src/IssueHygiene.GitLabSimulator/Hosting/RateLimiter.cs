namespace IssueHygiene.GitLabSimulator.Hosting;

/// <summary>
/// Fixed one-minute windows per key (token, or user for note creation), aligned to the
/// simulator's clock, like GitLab's Rack::Attack throttles.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);

    public RateLimitDecision Hit(string key, int limit)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / 60;
        int count;
        lock (_gate)
        {
            count = _counts.TryGetValue(key, out var entry) && entry.Window == window ? entry.Count + 1 : 1;
            _counts[key] = (window, count);
        }

        var reset = DateTimeOffset.FromUnixTimeSeconds((window + 1) * 60);
        var retryAfter = (int)Math.Max(1, Math.Ceiling((reset - now).TotalSeconds));
        return new RateLimitDecision(count <= limit, limit, count, Math.Max(0, limit - count), reset, retryAfter);
    }
}

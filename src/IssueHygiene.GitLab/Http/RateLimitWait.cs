using System.Globalization;
using System.Net.Http.Headers;

namespace IssueHygiene.GitLab.Http;

/// <summary>How long a 429 makes every caller wait, and which header said so.</summary>
/// <param name="Wait">Never negative, never above the configured cap.</param>
/// <param name="Source"><c>Retry-After</c>, <c>RateLimit-Reset</c> or <c>default</c>.</param>
public readonly record struct RateLimitWait(TimeSpan Wait, string Source)
{
    /// <summary>
    /// Reads <c>Retry-After</c> (seconds or an HTTP date), else <c>RateLimit-Reset</c> (GitLab sends a Unix
    /// time; small values are taken as seconds from now), else <paramref name="fallback"/>. Negative, past,
    /// absent or garbled values give the fallback; every result is clamped to [0, <paramref name="cap"/>].
    /// </summary>
    public static RateLimitWait FromHeaders(HttpResponseHeaders headers, DateTimeOffset now, TimeSpan cap, TimeSpan fallback)
    {
        if (First(headers, "Retry-After") is { } retryAfter && ParseRetryAfter(retryAfter, now) is { } fromRetryAfter)
        {
            return new RateLimitWait(Clamp(fromRetryAfter, cap), "Retry-After");
        }

        if (First(headers, "RateLimit-Reset") is { } reset && ParseReset(reset, now) is { } fromReset)
        {
            return new RateLimitWait(Clamp(fromReset, cap), "RateLimit-Reset");
        }

        return new RateLimitWait(Clamp(fallback, cap), "default");
    }

    private static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400)) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Positive(date - now)
            : null;
    }

    private static TimeSpan? ParseReset(string value, DateTimeOffset now)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return null;
        }

        // GitLab: Unix seconds of the window's end. The IETF draft: seconds from now. A Unix time is huge.
        const long unixTimeThreshold = 1_000_000_000;
        return number >= unixTimeThreshold
            ? Positive(DateTimeOffset.FromUnixTimeSeconds(Math.Min(number, 253_402_300_799)) - now)
            : TimeSpan.FromSeconds(Math.Min(number, 86_400));
    }

    private static TimeSpan? Positive(TimeSpan wait) => wait > TimeSpan.Zero ? wait : null;

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan cap) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}

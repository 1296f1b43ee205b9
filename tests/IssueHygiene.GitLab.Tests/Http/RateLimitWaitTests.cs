using System.Globalization;
using IssueHygiene.GitLab.Http;

namespace IssueHygiene.GitLab.Tests.Http;

public sealed class RateLimitWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(10);

    public static TheoryData<string?, string?, double, string> Cases()
    {
        var epochNow = Now.ToUnixTimeSeconds();
        return new TheoryData<string?, string?, double, string>
        {
            // Retry-After, RateLimit-Reset, expected seconds, expected source
            { "7", null, 7, "Retry-After" },
            { "7", (epochNow + 30).ToString(CultureInfo.InvariantCulture), 7, "Retry-After" },
            { null, (epochNow + 20).ToString(CultureInfo.InvariantCulture), 20, "RateLimit-Reset" },
            { null, "15", 15, "RateLimit-Reset" },
            { "0", null, 0, "Retry-After" },
            { "3600", null, 60, "Retry-After" },
            { null, (epochNow + 3600).ToString(CultureInfo.InvariantCulture), 60, "RateLimit-Reset" },
            { Now.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture), null, 12, "Retry-After" },
            { null, "-5", 10, "default" },
            { null, (epochNow - 30).ToString(CultureInfo.InvariantCulture), 10, "default" },
            { null, "soon", 10, "default" },
            { "-3", null, 10, "default" },
            { "-3", (epochNow + 20).ToString(CultureInfo.InvariantCulture), 20, "RateLimit-Reset" },
            { Now.AddSeconds(-12).ToString("r", CultureInfo.InvariantCulture), null, 10, "default" },
            { null, null, 10, "default" },
            { "", "", 10, "default" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromHeaders_HeaderTable_GivesSaneCappedWait(string? retryAfter, string? reset, double expectedSeconds, string expectedSource)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        if (reset is not null)
        {
            response.Headers.TryAddWithoutValidation("RateLimit-Reset", reset);
        }

        var wait = RateLimitWait.FromHeaders(response.Headers, Now, Cap, Fallback);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait.Wait);
        Assert.Equal(expectedSource, wait.Source);
    }

    [Fact]
    public void FromHeaders_FallbackAboveCap_IsCapped()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);

        var wait = RateLimitWait.FromHeaders(response.Headers, Now, TimeSpan.FromSeconds(3), Fallback);

        Assert.Equal(TimeSpan.FromSeconds(3), wait.Wait);
    }
}

using System.Globalization;

namespace IssueHygiene.Cli;

/// <summary>GitLab's two timestamp forms: ISO 8601, and <c>2015-05-17 18:08:09 UTC</c> (webhooks).</summary>
public static class GitLabTime
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (text.EndsWith(" UTC", StringComparison.Ordinal)
            && DateTime.TryParseExact(text[..^4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            value = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}

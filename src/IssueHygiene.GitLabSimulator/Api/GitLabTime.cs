using System.Globalization;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>The two timestamp spellings GitLab uses: REST's ISO 8601 and the hooks' "yyyy-MM-dd HH:mm:ss UTC".</summary>
internal static class GitLabTime
{
    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? value) => value is { } v ? Iso(v) : null;

    public static string Hook(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string? Hook(DateTimeOffset? value) => value is { } v ? Hook(v) : null;

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses the ISO 8601 forms GitLab accepts in parameters (<c>updated_after</c>, <c>created_at</c>).</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}

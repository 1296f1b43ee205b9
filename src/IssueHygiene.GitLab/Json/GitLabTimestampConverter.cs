using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssueHygiene.GitLab.Json;

/// <summary>
/// Reads both timestamp forms GitLab sends: ISO 8601 (<c>2013-12-03T17:15:43Z</c>, REST and most hook
/// fields) and <c>2015-05-17 18:08:09 UTC</c> (older hook fields, <c>changes.updated_at</c>). Writes ISO 8601.
/// </summary>
public sealed class GitLabTimestampConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] UtcSuffixFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"Unrecognised timestamp '{Truncate(text)}' (expected ISO 8601 or 'yyyy-MM-dd HH:mm:ss UTC').");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Parses either GitLab form; a value without an offset is taken as UTC.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith(" UTC", StringComparison.Ordinal)
            && DateTime.TryParseExact(trimmed[..^4], UtcSuffixFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            value = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssueHygiene.GitLab.Json;

/// <summary>
/// Reads a date (<c>due_date</c>, <c>start_date</c>): GitLab sends <c>2016-07-22</c>, but its own issue
/// schema also allows a full timestamp there, whose calendar date (as sent) is taken. Writes <c>yyyy-MM-dd</c>.
/// </summary>
public sealed class GitLabDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        }

        var text = reader.GetString()!.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return GitLabTimestampConverter.TryParse(text, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : throw new JsonException($"Unrecognised date '{(text.Length <= 40 ? text : text[..40] + "…")}' (expected yyyy-MM-dd).");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

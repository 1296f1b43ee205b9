using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IssueHygiene.GitLab.Json;

/// <summary>
/// Deserializes a body held in chunks (<see cref="Http.BufferedBody"/>) without joining them into one array: a body
/// in one chunk is read as a span; a longer one through the serializer's stream reader, which parses as it goes in a
/// small pooled buffer (reading a multi-segment <see cref="Utf8JsonReader"/> instead copies the whole value into one
/// array first — a large-object allocation per page). Either way nothing but whitespace may follow the value, and a
/// leading UTF-8 byte order mark is ignored (RFC 8259 §8.1 lets a parser do so).
/// </summary>
internal static class SequenceJson
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static T? Deserialize<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> typeInfo)
    {
        if (body.FirstSpan.StartsWith(Utf8Bom))
        {
            body = body.Slice(Utf8Bom.Length);
        }

        if (body.IsSingleSegment)
        {
            return JsonSerializer.Deserialize(body.FirstSpan, typeInfo);
        }

        using var stream = new SequenceReadStream(body);
        return JsonSerializer.Deserialize(stream, typeInfo);
    }
}

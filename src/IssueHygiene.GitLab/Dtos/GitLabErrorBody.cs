using System.Text.Json;

namespace IssueHygiene.GitLab.Dtos;

/// <summary>GitLab's error body: <c>{"message": "..."}</c> (a string or an object of field errors) or <c>{"error": "..."}</c>.</summary>
public sealed record GitLabErrorBody
{
    public JsonElement? Message { get; init; }

    public string? Error { get; init; }

    /// <summary>The message flattened to one line of text, or null when the body names none.</summary>
    public string? ToText()
    {
        if (Message is { } message)
        {
            return message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText();
        }

        return Error;
    }
}

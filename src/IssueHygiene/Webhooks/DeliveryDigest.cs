using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.Webhooks;

/// <summary>
/// What a queued delivery keeps of its body: the kind of event and, for a comment, its id and whether it was created or
/// edited. Nothing a person wrote is stored (no comment text, title, username or path), so a credential pasted into a
/// comment never reaches the database, rows stay a few dozen bytes, and a dead letter can still be requeued: the worker
/// reads the comment's author and text from GitLab, which is the only source it trusts for them anyway.
/// </summary>
public sealed record DeliveryDigest(string Kind, long? NoteId, string? NoteAction)
{
    public const string IssueKind = "issue";
    public const string NoteKind = "note";

    public static DeliveryDigest Issue { get; } = new(IssueKind, null, null);

    public static DeliveryDigest Note(long noteId, string? action) =>
        new(NoteKind, noteId, action is "update" ? "update" : "create");

    /// <summary>The digest of a parsed issue or note event.</summary>
    public static DeliveryDigest From(WebhookEvent parsed) => parsed switch
    {
        WebhookEvent.Note note => Note(note.Payload.ObjectAttributes.Id, note.Payload.ObjectAttributes.Action),
        WebhookEvent.MergeRequestNote note => Note(note.Payload.ObjectAttributes.Id, note.Payload.ObjectAttributes.Action),
        _ => Issue,
    };

    public string ToJson()
    {
        var json = new JsonObject { ["digest"] = 1, ["kind"] = Kind };
        if (NoteId is { } id)
        {
            json["note_id"] = id;
            json["action"] = NoteAction;
        }

        return json.ToJsonString();
    }

    /// <summary>
    /// Reads a stored payload: a digest, or (rows queued before digests) a full GitLab body. Null when it is neither,
    /// such as a payload already cleared.
    /// </summary>
    public static DeliveryDigest? Read(string eventName, string payload)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is JsonObject json && json["digest"] is not null)
        {
            return json["kind"]?.GetValue<string>() switch
            {
                IssueKind => Issue,
                NoteKind when json["note_id"] is JsonValue id && id.TryGetValue<long>(out var noteId) => Note(noteId, json["action"]?.GetValue<string>()),
                _ => null,
            };
        }

        return GitLabWebhookParser.Parse(eventName, Encoding.UTF8.GetBytes(payload)) switch
        {
            var parsed when parsed is WebhookEvent.Note or WebhookEvent.Issue or WebhookEvent.MergeRequestNote => From(parsed),
            _ => null,
        };
    }

    public override string ToString() =>
        NoteId is { } id ? string.Create(CultureInfo.InvariantCulture, $"{Kind} {id} ({NoteAction})") : Kind;
}

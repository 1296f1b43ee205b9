using System.Text.Json;
using IssueHygiene.GitLab.Json;

namespace IssueHygiene.GitLab.Webhooks;

/// <summary>
/// Turns a delivery (its <c>X-Gitlab-Event</c> header and body) into a <see cref="WebhookEvent"/>.
/// The body's <c>object_kind</c> decides; the header only has to agree, so a forged header cannot
/// make a push event parse as an issue.
/// </summary>
public static class GitLabWebhookParser
{
    /// <summary>The <c>X-Gitlab-Event</c> values of the events this service handles.</summary>
    public static IReadOnlySet<string> HandledEvents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Issue Hook", "Confidential Issue Hook", "Note Hook", "Confidential Note Hook", "Milestone Hook", "Merge Request Hook",
    };

    public static WebhookEvent Parse(string? gitLabEvent, ReadOnlySpan<byte> body)
    {
        try
        {
            var kind = JsonSerializer.Deserialize(body, GitLabJsonContext.Default.WebhookObjectKind)?.ObjectKind;
            return kind switch
            {
                null => new WebhookEvent.Malformed("The body has no object_kind."),
                "issue" or "work_item" => ParseIssue(gitLabEvent, body),
                "note" => ParseNote(gitLabEvent, body),
                "merge_request" => ParseMergeRequest(gitLabEvent, body),
                "milestone" => Deserialize(body, GitLabJsonContext.Default.MilestoneHookPayload) is { } milestone
                    ? new WebhookEvent.Milestone(milestone)
                    : new WebhookEvent.Malformed("Empty milestone payload."),
                _ => new WebhookEvent.Ignored($"object_kind '{kind}' is not handled."),
            };
        }
        catch (JsonException ex)
        {
            return new WebhookEvent.Malformed($"Invalid JSON ({gitLabEvent ?? "no X-Gitlab-Event"}): {ex.Message}");
        }
    }

    private static WebhookEvent ParseIssue(string? gitLabEvent, ReadOnlySpan<byte> body)
    {
        if (gitLabEvent is not null and not ("Issue Hook" or "Confidential Issue Hook"))
        {
            return new WebhookEvent.Malformed($"An issue body arrived as '{gitLabEvent}'.");
        }

        var payload = Deserialize(body, GitLabJsonContext.Default.IssueHookPayload);
        if (payload is null)
        {
            return new WebhookEvent.Malformed("Empty issue payload.");
        }

        // "required" only demands the key: a JSON null still arrives as null.
        if (payload.Project is null || payload.ObjectAttributes is null)
        {
            return new WebhookEvent.Malformed("An issue payload needs project and object_attributes.");
        }

        return payload.IsIssue
            ? new WebhookEvent.Issue(payload)
            : new WebhookEvent.Ignored($"work_item of type '{payload.ObjectAttributes.Type}' is not an issue.");
    }

    private static WebhookEvent ParseNote(string? gitLabEvent, ReadOnlySpan<byte> body)
    {
        if (gitLabEvent is not null and not ("Note Hook" or "Confidential Note Hook"))
        {
            return new WebhookEvent.Malformed($"A note body arrived as '{gitLabEvent}'.");
        }

        var payload = Deserialize(body, GitLabJsonContext.Default.NoteHookPayload);
        if (payload is null)
        {
            return new WebhookEvent.Malformed("Empty note payload.");
        }

        if (payload.Project is null || payload.ObjectAttributes is null)
        {
            return new WebhookEvent.Malformed("A note payload needs project and object_attributes.");
        }

        return payload.IsOnIssue ? new WebhookEvent.Note(payload)
            : payload.IsOnMergeRequest ? new WebhookEvent.MergeRequestNote(payload)
            : new WebhookEvent.Ignored($"Note on a {payload.ObjectAttributes.NoteableType}, not an issue.");
    }

    private static WebhookEvent ParseMergeRequest(string? gitLabEvent, ReadOnlySpan<byte> body)
    {
        if (gitLabEvent is not null and not "Merge Request Hook")
        {
            return new WebhookEvent.Malformed($"A merge request body arrived as '{gitLabEvent}'.");
        }

        return Deserialize(body, GitLabJsonContext.Default.MergeRequestHookPayload) is { ObjectAttributes.Iid: > 0 } payload
            ? new WebhookEvent.MergeRequest(payload)
            : new WebhookEvent.Malformed("The merge request payload names no merge request (no iid).");
    }

    private static T? Deserialize<T>(ReadOnlySpan<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(body, typeInfo);
}

namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The body of a <c>Note Hook</c> / <c>Confidential Note Hook</c> delivery (<c>object_kind: note</c>).</summary>
public sealed record NoteHookPayload
{
    public required string ObjectKind { get; init; }

    /// <summary><c>note</c> or <c>confidential_note</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>Who wrote the note.</summary>
    public WebhookUser? User { get; init; }

    public long? ProjectId { get; init; }

    public required WebhookProject Project { get; init; }

    public required NoteHookAttributes ObjectAttributes { get; init; }

    /// <summary>The issue commented on; null for notes on merge requests, commits and snippets.</summary>
    public WebhookIssueAttributes? Issue { get; init; }

    /// <summary>The merge request commented on; null for notes on issues, commits and snippets.</summary>
    public MergeRequestHookAttributes? MergeRequest { get; init; }

    /// <summary>True when the note is on a merge request.</summary>
    public bool IsOnMergeRequest =>
        MergeRequest is { Iid: > 0 } && string.Equals(ObjectAttributes.NoteableType, "MergeRequest", StringComparison.Ordinal);

    /// <summary>True when the note is on an issue.</summary>
    public bool IsOnIssue =>
        Issue is not null && string.Equals(ObjectAttributes.NoteableType, "Issue", StringComparison.Ordinal);
}

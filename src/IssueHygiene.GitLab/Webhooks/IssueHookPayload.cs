namespace IssueHygiene.GitLab.Webhooks;

/// <summary>
/// The body of an <c>Issue Hook</c> / <c>Confidential Issue Hook</c> delivery (<c>object_kind: issue</c>),
/// and of a work item event (<c>object_kind: work_item</c>), which has the same shape.
/// </summary>
public sealed record IssueHookPayload
{
    /// <summary><c>issue</c> or <c>work_item</c>.</summary>
    public required string ObjectKind { get; init; }

    /// <summary><c>issue</c> or <c>confidential_issue</c> (or <c>work_item</c>).</summary>
    public string? EventType { get; init; }

    /// <summary>Who acted (not necessarily the author).</summary>
    public WebhookUser? User { get; init; }

    public required WebhookProject Project { get; init; }

    public required WebhookIssueAttributes ObjectAttributes { get; init; }

    public List<WebhookUser>? Assignees { get; init; }

    public List<WebhookLabel>? Labels { get; init; }

    public IssueHookChanges? Changes { get; init; }

    /// <summary>True when this event is about an issue (a work item only when its type is <c>Issue</c>).</summary>
    public bool IsIssue =>
        ObjectKind switch
        {
            "issue" => true,
            "work_item" => string.Equals(ObjectAttributes.Type, "Issue", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
}

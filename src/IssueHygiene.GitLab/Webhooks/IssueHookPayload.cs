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

    /// <summary>
    /// True when this event is about an issue-like work item in a project. Every work item type passes (a task, an
    /// incident…): whether the rules govern it is Core's decision (<c>workItemTypes</c>), the same on every path, and
    /// secret-leak applies to all of them.
    /// </summary>
    public bool IsIssue =>
        ObjectKind switch
        {
            "issue" => true,
            "work_item" => Project.Id > 0,
            _ => false,
        };
}

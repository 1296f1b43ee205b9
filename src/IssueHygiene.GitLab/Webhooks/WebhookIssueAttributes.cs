namespace IssueHygiene.GitLab.Webhooks;

/// <summary>
/// An issue as webhooks describe it: the Issue Hook's <c>object_attributes</c> and the Note Hook's
/// <c>issue</c>. Assignees and the milestone come as ids only.
/// </summary>
public sealed record WebhookIssueAttributes
{
    /// <summary>The global issue id (a Note Hook's <c>noteable_id</c>).</summary>
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public long? ProjectId { get; init; }

    public string Title { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? Description { get; init; }

    /// <summary><c>opened</c> or <c>closed</c> (what happened is in <see cref="Action"/>).</summary>
    public string? State { get; init; }

    /// <summary>1 opened, 2 closed; used when <see cref="State"/> is absent.</summary>
    public int? StateId { get; init; }

    /// <summary><c>open</c>, <c>close</c>, <c>reopen</c>, <c>update</c> (Issue Hook only).</summary>
    public string? Action { get; init; }

    public List<long>? AssigneeIds { get; init; }

    public long? AssigneeId { get; init; }

    public long? AuthorId { get; init; }

    public long? MilestoneId { get; init; }

    public bool Confidential { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The issue's web URL.</summary>
    public string? Url { get; init; }

    /// <summary>Work item type: <c>Issue</c>, <c>Task</c>, <c>Incident</c>, <c>Epic</c>…</summary>
    public string? Type { get; init; }

    public List<WebhookLabel>? Labels { get; init; }
}

namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The body of a Milestone Hook delivery: a sign that a cached milestone list is stale.</summary>
public sealed record MilestoneHookPayload
{
    public required string ObjectKind { get; init; }

    public WebhookProject? Project { get; init; }

    public required MilestoneHookAttributes ObjectAttributes { get; init; }

    /// <summary><c>create</c>, <c>close</c>, <c>reopen</c>, <c>delete</c>.</summary>
    public string? Action { get; init; }
}

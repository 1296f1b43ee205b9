namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The milestone of a Milestone Hook (GitLab 18.2+).</summary>
public sealed record MilestoneHookAttributes
{
    public required long Id { get; init; }

    public long Iid { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string State { get; init => field = value ?? "active"; } = "active";

    public DateOnly? DueDate { get; init; }

    public DateOnly? StartDate { get; init; }

    public long? GroupId { get; init; }

    public long? ProjectId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

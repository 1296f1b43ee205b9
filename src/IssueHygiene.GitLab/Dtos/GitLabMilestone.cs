namespace IssueHygiene.GitLab.Dtos;

/// <summary>A project or group milestone (exactly one of <see cref="ProjectId"/>/<see cref="GroupId"/> is set).</summary>
public sealed record GitLabMilestone
{
    public required long Id { get; init; }

    public long Iid { get; init; }

    public long? ProjectId { get; init; }

    public long? GroupId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary><c>active</c> or <c>closed</c>.</summary>
    public string State { get; init => field = value ?? "active"; } = "active";

    public DateOnly? DueDate { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool? Expired { get; init; }

    public string? WebUrl { get; init; }
}

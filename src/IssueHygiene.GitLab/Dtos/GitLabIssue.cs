namespace IssueHygiene.GitLab.Dtos;

/// <summary>An issue as <c>GET /projects/:id/issues</c> (and the other issue endpoints) return it.</summary>
public sealed record GitLabIssue
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required long ProjectId { get; init; }

    public string Title { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? Description { get; init; }

    /// <summary><c>opened</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    /// <summary>Label names (the REST default; <c>with_labels_details</c> is not used).</summary>
    public List<string> Labels { get; init => field = value ?? []; } = [];

    public GitLabMilestone? Milestone { get; init; }

    public List<GitLabUser> Assignees { get; init => field = value ?? []; } = [];

    public GitLabUser? Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateOnly? DueDate { get; init; }

    public string? WebUrl { get; init; }

    public bool Confidential { get; init; }

    /// <summary><c>issue</c>, <c>incident</c>, <c>test_case</c>, <c>task</c>.</summary>
    public string? IssueType { get; init; }

    /// <summary>Newer servers: <c>ISSUE</c>, <c>INCIDENT</c>, …</summary>
    public string? Type { get; init; }

    public GitLabIssueReferences? References { get; init; }

    /// <summary>Non-system notes; null when GitLab did not say (then notes must be listed to find a lint note).</summary>
    public int? UserNotesCount { get; init; }
}

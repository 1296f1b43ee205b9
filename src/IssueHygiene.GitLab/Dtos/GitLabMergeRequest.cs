namespace IssueHygiene.GitLab.Dtos;

/// <summary>A merge request as <c>GET /projects/:id/merge_requests</c> (and the other MR endpoints) return it.</summary>
public sealed record GitLabMergeRequest
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required long ProjectId { get; init; }

    public string Title { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? Description { get; init; }

    /// <summary><c>opened</c>, <c>closed</c>, <c>locked</c> or <c>merged</c>.</summary>
    public required string State { get; init; }

    /// <summary>Draft since GitLab 13.2; older servers only send <see cref="WorkInProgress"/>.</summary>
    public bool? Draft { get; init; }

    /// <summary>Deprecated name of <see cref="Draft"/>.</summary>
    public bool? WorkInProgress { get; init; }

    public GitLabUser? Author { get; init; }

    public List<GitLabUser> Reviewers { get; init => field = value ?? []; } = [];

    /// <summary>Who merged it (GitLab 14.7+); prefer it over <see cref="MergedBy"/>.</summary>
    public GitLabUser? MergeUser { get; init; }

    /// <summary>Deprecated in GitLab 14.7 in favour of <see cref="MergeUser"/>.</summary>
    public GitLabUser? MergedBy { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public List<string> Labels { get; init => field = value ?? []; } = [];

    public string? WebUrl { get; init; }

    public GitLabIssueReferences? References { get; init; }

    public int? UserNotesCount { get; init; }
}

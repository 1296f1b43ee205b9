namespace IssueHygiene.GitLab.Dtos;

/// <summary>A project or group label.</summary>
public sealed record GitLabLabel
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? Color { get; init; }

    public string? TextColor { get; init; }

    public string? Description { get; init; }

    public int? Priority { get; init; }

    /// <summary>Set on project label lists: false for labels inherited from a group.</summary>
    public bool? IsProjectLabel { get; init; }

    public bool? Archived { get; init; }

    public int? OpenIssuesCount { get; init; }
}

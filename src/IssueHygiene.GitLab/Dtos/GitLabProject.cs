namespace IssueHygiene.GitLab.Dtos;

/// <summary>A project, as far as this service needs one.</summary>
public sealed record GitLabProject
{
    public required long Id { get; init; }

    public string Name { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? Path { get; init; }

    public required string PathWithNamespace { get; init; }

    public string? WebUrl { get; init; }

    public GitLabNamespace? Namespace { get; init; }

    public bool Archived { get; init; }

    public string? DefaultBranch { get; init; }
}

namespace IssueHygiene.GitLab.Dtos;

/// <summary>A group (or subgroup).</summary>
public sealed record GitLabGroup
{
    public required long Id { get; init; }

    public string Name { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? Path { get; init; }

    public required string FullPath { get; init; }

    public long? ParentId { get; init; }

    public string? WebUrl { get; init; }
}

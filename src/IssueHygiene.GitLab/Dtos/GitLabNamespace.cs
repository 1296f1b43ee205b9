namespace IssueHygiene.GitLab.Dtos;

/// <summary>The namespace (group or user) a project lives in.</summary>
public sealed record GitLabNamespace
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Path { get; init; }

    /// <summary><c>group</c> or <c>user</c>.</summary>
    public string? Kind { get; init; }

    public string? FullPath { get; init; }

    public long? ParentId { get; init; }
}

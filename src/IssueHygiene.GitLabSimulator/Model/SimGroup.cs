namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimGroup
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public required string FullPath { get; init; }
    public long? ParentId { get; init; }
    public string Description { get; init; } = string.Empty;
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Direct members: user id → access level (inherited by subgroups and projects).</summary>
    public Dictionary<long, int> Members { get; } = [];

    /// <summary>Group labels by exact title (GitLab label titles are case-sensitive).</summary>
    public Dictionary<string, SimLabel> Labels { get; } = new(StringComparer.Ordinal);
}

namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimProject
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public required SimGroup Namespace { get; init; }
    public string Description { get; init; } = string.Empty;
    public required DateTimeOffset CreatedAt { get; init; }
    public string PathWithNamespace => Namespace.FullPath + "/" + Path;

    public Dictionary<long, int> Members { get; } = [];

    public Dictionary<string, SimLabel> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>The project's live issues in iid order (a deleted issue leaves the list).</summary>
    public List<SimIssue> Issues { get; } = [];

    /// <summary>Live issues by iid.</summary>
    public Dictionary<long, SimIssue> IssuesByIid { get; } = [];

    /// <summary>The next issue's iid: GitLab never reuses the iid of a deleted issue.</summary>
    public long NextIssueIid { get; set; } = 1;
}

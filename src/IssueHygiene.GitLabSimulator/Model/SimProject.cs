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

    /// <summary>Issues by iid - 1: iids are dense and never reused, so the list is the iid index.</summary>
    public List<SimIssue> Issues { get; } = [];
}

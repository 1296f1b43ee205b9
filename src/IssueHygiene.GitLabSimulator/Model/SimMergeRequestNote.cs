namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>A comment on a merge request.</summary>
internal sealed class SimMergeRequestNote
{
    public required long Id { get; init; }
    public required SimMergeRequest MergeRequest { get; init; }
    public required string Body { get; set; }
    public required long AuthorId { get; init; }
    public bool System { get; init; }
    /// <summary>An internal note (GitLab 16.9+ on merge requests): project members only.</summary>
    public bool Internal { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

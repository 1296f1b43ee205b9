namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>A merge request: who wrote, reviews and merged it, and which files it changes (old → new path).</summary>
internal sealed class SimMergeRequest
{
    public required long Id { get; init; }
    public required long Iid { get; init; }
    public required SimProject Project { get; init; }
    public required string Title { get; set; }
    public string Description { get; set; } = string.Empty;

    /// <summary><c>opened</c>, <c>closed</c> or <c>merged</c>.</summary>
    public string State { get; set; } = "opened";
    public bool Draft { get; set; }
    public required long AuthorId { get; init; }
    public List<long> ReviewerIds { get; } = [];
    public List<long> ApprovedByIds { get; } = [];
    public long? MergeUserId { get; set; }
    public DateTimeOffset? MergedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<string> Labels { get; } = [];
    public List<(string OldPath, string NewPath)> Changes { get; } = [];
    public string SourceBranch { get; init; } = "feature";
    public string TargetBranch { get; init; } = "main";
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int UserNotesCount { get; set; }
}

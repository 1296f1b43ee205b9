namespace IssueHygiene.GitLabSimulator.State;

/// <summary>
/// One update of an issue, already resolved to ids: what a REST <c>PUT</c> or a note's quick
/// actions ask for. GitLab applies it as one change (one <c>Issue Hook</c>).
/// </summary>
internal sealed record IssueEdit
{
    public string? Title { get; init; }
    public bool DescriptionSet { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<long>? ReplaceLabelIds { get; init; }
    public IReadOnlyList<long> AddLabelIds { get; init; } = [];
    public IReadOnlyList<long> RemoveLabelIds { get; init; } = [];
    public bool RemoveAllLabels { get; init; }
    public bool MilestoneSet { get; init; }
    public long? MilestoneId { get; init; }
    public IReadOnlyList<long>? ReplaceAssigneeIds { get; init; }
    public IReadOnlyList<long> AddAssigneeIds { get; init; } = [];
    public IReadOnlyList<long> RemoveAssigneeIds { get; init; } = [];
    public bool RemoveAllAssignees { get; init; }
    public bool? Confidential { get; init; }
    public IssueStateEvent StateEvent { get; init; }
    public bool DueDateSet { get; init; }
    public DateOnly? DueDate { get; init; }
}

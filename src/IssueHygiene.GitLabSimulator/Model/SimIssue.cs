namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimIssue
{
    public required long Id { get; init; }
    public required long Iid { get; init; }
    public required SimProject Project { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool IsOpen { get; set; } = true;
    public string State => IsOpen ? "opened" : "closed";
    public List<long> LabelIds { get; set; } = [];
    public long? MilestoneId { get; set; }
    public List<long> AssigneeIds { get; set; } = [];
    public required long AuthorId { get; init; }
    public bool Confidential { get; set; }
    public DateOnly? DueDate { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long? ClosedById { get; set; }
    public long? UpdatedById { get; set; }
    public DateTimeOffset? LastEditedAt { get; set; }
    public long? LastEditedById { get; set; }
    public int UserNotesCount { get; set; }
}

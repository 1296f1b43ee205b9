namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimMilestone
{
    public required long Id { get; init; }
    public required long Iid { get; init; }
    public long? GroupId { get; init; }
    public long? ProjectId { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string State { get; set; } = "active";
    public DateOnly? StartDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

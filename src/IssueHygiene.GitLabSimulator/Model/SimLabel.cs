namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimLabel
{
    public required long Id { get; init; }
    public required string Title { get; set; }
    public string Color { get; set; } = "#6699cc";
    public string? Description { get; set; }
    public long? GroupId { get; init; }
    public long? ProjectId { get; init; }
    public int? Priority { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsProjectLabel => ProjectId is not null;
}

namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimNote
{
    public required long Id { get; init; }
    public required SimIssue Issue { get; init; }
    public required string Body { get; set; }
    public required long AuthorId { get; init; }
    public bool Internal { get; init; }
    public bool System { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

namespace IssueHygiene.GitLabSimulator;

public sealed record LabelView(long Id, string Title, string Color, string? Description, long? GroupId, long? ProjectId);

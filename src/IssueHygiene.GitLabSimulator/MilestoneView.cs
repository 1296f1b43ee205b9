namespace IssueHygiene.GitLabSimulator;

public sealed record MilestoneView(long Id, long Iid, string Title, string State, DateOnly? StartDate, DateOnly? DueDate, long? GroupId, long? ProjectId);

namespace IssueHygiene.GitLab.Requests;

/// <summary>A new group milestone (e.g. the next sprint).</summary>
public sealed record MilestoneCreate(string Title, DateOnly? DueDate = null, DateOnly? StartDate = null, string? Description = null);

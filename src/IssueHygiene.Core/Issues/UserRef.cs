namespace IssueHygiene.Core.Issues;

/// <summary>A GitLab user as issues reference one (assignee, author).</summary>
public sealed record UserRef(long Id, string Username, string? Name = null);

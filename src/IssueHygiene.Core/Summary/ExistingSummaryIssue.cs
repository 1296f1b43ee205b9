namespace IssueHygiene.Core.Summary;

/// <summary>The scope's summary issue as GitLab has it now.</summary>
public sealed record ExistingSummaryIssue(long ProjectId, long Iid, string Title, string? Description, string? WebUrl);

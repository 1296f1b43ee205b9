namespace IssueHygiene.Storage.Health;

/// <summary>
/// A finding an issue has now. <see cref="Title"/> is null for a confidential issue: it is never stored, so it can
/// never be shown.
/// </summary>
public sealed record CurrentFinding(
    long ProjectId,
    long IssueIid,
    string Rule,
    string Severity,
    string Project,
    string Assignee,
    string? WebUrl,
    string? Title);

namespace IssueHygiene.Storage.Health;

/// <summary>All the findings one issue has now (empty when it is clean).</summary>
public sealed record IssueFindings(long ProjectId, long IssueIid, IReadOnlyList<CurrentFinding> Findings);

namespace IssueHygiene.Storage.Health;

/// <summary>Where a scope's summary issue is, so it is edited in place rather than searched for.</summary>
public sealed record SummaryIssueRecord(string ScopeKey, long ProjectId, long IssueIid, string? WebUrl, DateTimeOffset UpdatedAt);

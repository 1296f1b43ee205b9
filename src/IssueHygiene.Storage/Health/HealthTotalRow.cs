namespace IssueHygiene.Storage.Health;

/// <summary>A total with the run it belongs to (for charts over time).</summary>
public sealed record HealthTotalRow(string RunId, string ScopeKey, DateTimeOffset FinishedAt, HealthTotal Total);

namespace IssueHygiene.Storage.Sweeps;

/// <summary>One sweep of one scope. <see cref="Cursor"/> is the opaque position after the last completed page.</summary>
public sealed record SweepRun(
    string Id,
    string ScopeKey,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string? Cursor,
    SweepProgress Progress,
    SweepStatus Status,
    DateTimeOffset? FinishedAt,
    string? Error);

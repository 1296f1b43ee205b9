namespace IssueHygiene.Sweeping;

/// <summary>One sweep: which scopes, whether to write, full or incremental, and the write budget.</summary>
public sealed record SweepRequest
{
    public required IReadOnlyList<SweepScope> Scopes { get; init; }

    /// <summary>Evaluate and plan, write nothing (no request other than GET reaches GitLab).</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Only issues updated since the scope's last successful sweep started.</summary>
    public bool Incremental { get; init; }

    /// <summary>Keep every issue with findings for a report; off, a sweep keeps only totals (flat memory).</summary>
    public bool KeepReportEntries { get; init; } = true;

    /// <summary>
    /// Closed issues too (<c>--state all</c>): the hygiene rules skip them, but secret-leak does not (a closed issue
    /// stays readable), so a one-off sweep of everything contains old leaks.
    /// </summary>
    public bool IncludeClosed { get; init; }

    /// <summary><c>maxWritesPerRun</c>; null for no limit.</summary>
    public int? MaxWrites { get; init; } = 50;

    /// <summary>Plan the summary issue even in a dry run (<c>--summary-preview</c>), to show what it would say.</summary>
    public bool SummaryPreview { get; init; }

    /// <summary>
    /// How many different issues are processed at once. Writes still go through the client's one rate limiter and
    /// note pacing, and an issue's own writes stay in order under its write lock.
    /// </summary>
    public int Concurrency { get; init; } = 4;
}

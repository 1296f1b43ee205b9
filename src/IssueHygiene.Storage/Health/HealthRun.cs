namespace IssueHygiene.Storage.Health;

/// <summary>One finished run of a scope as the history keeps it.</summary>
/// <param name="Id">The sweep run's id (a dry run gets its own).</param>
/// <param name="ScopeKey">The scope swept.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Issues">Issues checked.</param>
/// <param name="Findings">Findings, all severities.</param>
/// <param name="Writes">Writes made (or, dry run, planned).</param>
/// <param name="WritesByKind">What the writes were, e.g. <c>note-create=3, quick-actions=1</c>.</param>
/// <param name="DryRun">True when nothing was written.</param>
/// <param name="BudgetExhausted">True when the write budget stopped the run.</param>
public sealed record HealthRun(
    string Id,
    string ScopeKey,
    DateTimeOffset FinishedAt,
    int Issues,
    int Findings,
    int Writes,
    string WritesByKind,
    bool DryRun,
    bool BudgetExhausted);

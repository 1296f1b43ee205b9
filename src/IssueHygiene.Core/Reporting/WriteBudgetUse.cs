namespace IssueHygiene.Core.Reporting;

/// <summary>
/// How a run's write budget (<c>MaxWritesPerRun</c>) went: of <see cref="Planned"/> writes, <see cref="WithinBudget"/>
/// fit. In a live run those were made and the rest not (the run stopped writing); a dry run plans every write and says
/// where a live run would stop.
/// </summary>
public sealed record WriteBudgetUse(int? Limit, int WithinBudget, int Planned)
{
    /// <summary>True when the budget stopped (live) or would stop (dry run) the writes.</summary>
    public bool Stopped => WithinBudget < Planned;

    /// <summary>"a live run would stop after 50 of 123 writes (MaxWritesPerRun)" and its live form.</summary>
    public string Describe(bool dryRun) => dryRun
        ? $"a live run would stop after {WithinBudget} of {Planned} writes (MaxWritesPerRun {Limit})"
        : $"the write budget stopped the run after {WithinBudget} of {Planned} writes (MaxWritesPerRun {Limit})";
}

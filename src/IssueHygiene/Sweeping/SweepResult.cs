using IssueHygiene.Core.Reporting;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;

namespace IssueHygiene.Sweeping;

/// <summary>What a sweep found and did.</summary>
public sealed record SweepResult(HygieneReport Report, int FailedWrites, bool BudgetExhausted, TimeSpan Duration)
{
    /// <summary>Each scope's summary issue: written, planned (dry run, <c>--summary-preview</c>) or left as it was.</summary>
    public IReadOnlyList<SummaryOutcome> Summaries { get; init; } = [];

    /// <summary>0 clean, 1 findings (error/warning), a failed write or the write budget hit (docs/architecture.md §5).</summary>
    public int ExitCode =>
        BudgetExhausted || FailedWrites > 0 || Report.FoundProblems
            ? ExitCodes.Violations
            : ExitCodes.Clean;
}

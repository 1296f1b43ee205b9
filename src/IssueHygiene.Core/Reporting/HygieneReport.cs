using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// A report over many issues: totals by rule and severity, then the issues with findings or writes (clean issues
/// are counted, not listed). Add verdicts as they stream in; only issues worth listing are kept.
/// </summary>
public sealed class HygieneReport
{
    private readonly List<IssueReportEntry> _issues = [];
    private readonly SortedDictionary<string, int> _byRule = new(StringComparer.Ordinal);
    private readonly int[] _bySeverity = new int[3];
    private readonly List<MilestoneFinding> _milestoneFindings = [];
    private readonly List<IssueFailure> _failures = [];

    public bool DryRun { get; init; }

    /// <summary>
    /// Keep each listed issue (for a report file). Off, only the totals are kept, so a sweep's memory stays flat
    /// however large the tracker.
    /// </summary>
    public bool KeepIssues { get; init; } = true;

    public int IssueCount { get; private set; }

    public int WriteCount { get; private set; }

    public IReadOnlyList<IssueReportEntry> Issues => _issues;

    public IReadOnlyDictionary<string, int> ByRule => _byRule;

    public int CountOf(Severity severity) => _bySeverity[(int)severity];

    public IReadOnlyList<MilestoneFinding> MilestoneFindings => _milestoneFindings;

    /// <summary>Issues the run could not finish (GitLab refused or lost them); the run went on with the others.</summary>
    public IReadOnlyList<IssueFailure> Failures => _failures;

    /// <summary>How the write budget went (null: the run had none to report).</summary>
    public WriteBudgetUse? Budget { get; set; }

    public void AddFailure(IssueFailure failure) => _failures.Add(failure);

    public void Add(Verdict verdict, IReadOnlyList<PlannedWrite>? writes = null)
    {
        writes ??= [];
        IssueCount++;
        WriteCount += writes.Count;
        foreach (var violation in verdict.Violations)
        {
            _byRule[violation.Rule] = _byRule.GetValueOrDefault(violation.Rule) + 1;
            _bySeverity[(int)violation.Severity]++;
        }

        if (KeepIssues && (verdict.Violations.Count > 0 || writes.Count > 0))
        {
            _issues.Add(new IssueReportEntry(verdict, writes));
        }
    }

    public void AddMilestoneFindings(IEnumerable<MilestoneFinding> findings)
    {
        foreach (var finding in findings)
        {
            _milestoneFindings.Add(finding);
            _byRule[finding.Rule] = _byRule.GetValueOrDefault(finding.Rule) + 1;
            _bySeverity[(int)finding.Severity]++;
        }
    }
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// A report over many issues: totals by rule and severity, then the issues with findings or writes (clean issues
/// are counted, not listed). Add verdicts as they stream in; only issues worth listing are kept. Totals count what
/// the notes say: when fixes are written (or, dry, would be), the findings left after them, plus what was fixed by
/// this run, per rule. Items the rules do not govern (closed, tasks, exempt, too new) are counted as skipped, by why.
/// </summary>
public sealed class HygieneReport
{
    private readonly List<IssueReportEntry> _issues = [];
    private readonly SortedDictionary<string, int> _byRule = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _fixedByRule = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly int[] _bySeverity = new int[3];
    private readonly List<MilestoneFinding> _milestoneFindings = [];
    private readonly List<IssueFailure> _failures = [];
    private readonly List<IssueReportEntry> _clean = [];
    private readonly Dictionary<FindingTallyKey, int> _tally = [];
    private readonly SortedDictionary<string, int> _issuesByProject = new(StringComparer.Ordinal);
    private readonly List<FlaggedIssue> _withErrors = [];
    private readonly List<FlaggedIssue> _summaryListed = [];
    private readonly int[] _writesByKind = new int[Enum.GetValues<WriteKind>().Length];

    /// <summary>
    /// Most issues kept per summary list: the summary issue never lists more (it starts at this many and halves until
    /// the description fits GitLab's limit), so the rest are only counted and a sweep's memory does not grow with them.
    /// </summary>
    public const int MaxFlaggedKept = 1_000;

    /// <summary>Schema version of the JSON report (<c>schemaVersion</c>); raised when a key changes meaning.</summary>
    public const int SchemaVersion = 2;

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

    /// <summary>Findings the fixes of this run resolved (written, or in a dry run planned), by rule.</summary>
    public IReadOnlyDictionary<string, int> FixedByRule => _fixedByRule;

    /// <summary>Items the hygiene rules skipped, by why: a work item type (<c>task</c>), <c>closed</c>, <c>exempt</c>, <c>grace-period</c>.</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    /// <summary>Why an item was skipped, as reports say it (<c>skipped: task</c>); null when it was evaluated.</summary>
    public static string? SkipReason(Verdict verdict) => verdict.Status switch
    {
        EvaluationStatus.SkippedWorkItemType => verdict.Issue.IssueType?.Trim().Replace(' ', '_').ToLowerInvariant() ?? "unknown type",
        EvaluationStatus.SkippedClosed => "closed",
        EvaluationStatus.SkippedExempt => "exempt",
        EvaluationStatus.SkippedGracePeriod => "grace-period",
        _ => null,
    };

    /// <summary>Findings of a severity left after this run's fixes (what the notes say).</summary>
    public int CountOf(Severity severity) => _bySeverity[(int)severity];

    /// <summary>
    /// True when an error or warning was found, fixed by this run or not (what makes a sweep exit 1: a dry run
    /// fixes nothing, and a live run's fixes still mean the tracker had problems).
    /// </summary>
    public bool FoundProblems { get; private set; }

    public IReadOnlyList<MilestoneFinding> MilestoneFindings => _milestoneFindings;

    /// <summary>Issues the run could not finish (GitLab refused or lost them); the run went on with the others.</summary>
    public IReadOnlyList<IssueFailure> Failures => _failures;

    /// <summary>How the write budget went (null: the run had none to report).</summary>
    public WriteBudgetUse? Budget { get; set; }

    public void AddFailure(IssueFailure failure) => _failures.Add(failure);
    /// <summary>The scopes swept (group or project paths), for the report's header.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>True when the write budget stopped the run (some planned writes were not made).</summary>
    public bool BudgetExhausted { get; set; }

    /// <summary>The comparison with the previous run, when there was one (set by the sweep after it).</summary>
    public RunComparison? Change { get; set; }

    /// <summary>Issues checked without findings or writes (kept only with <see cref="KeepIssues"/>, for JUnit).</summary>
    public IReadOnlyList<IssueReportEntry> CleanIssues => _clean;

    /// <summary>Findings by rule × project × assignee × severity (the history a sweep stores).</summary>
    public IReadOnlyDictionary<FindingTallyKey, int> Tally => _tally;

    /// <summary>Issues checked, by project path.</summary>
    public IReadOnlyDictionary<string, int> IssuesByProject => _issuesByProject;

    /// <summary>The first issues with an error-level finding (at most <see cref="MaxFlaggedKept"/>), in the order checked.</summary>
    public IReadOnlyList<FlaggedIssue> IssuesWithErrors => _withErrors;

    /// <summary>All issues with an error-level finding, kept or not.</summary>
    public int IssuesWithErrorsCount { get; private set; }

    /// <summary>
    /// The first issues listed only because a finding's rule reports in the summary instead of a note (no error), at
    /// most <see cref="MaxFlaggedKept"/>, in the order checked.
    /// </summary>
    public IReadOnlyList<FlaggedIssue> SummaryListed => _summaryListed;

    /// <summary>All issues listed because of a summary rule (no error), kept or not.</summary>
    public int SummaryListedCount { get; private set; }

    public int WritesOf(WriteKind kind) => _writesByKind[(int)kind];

    /// <summary>Counts a write that belongs to no issue's verdict (the summary issue's).</summary>
    public void AddWrite(PlannedWrite write)
    {
        WriteCount++;
        _writesByKind[(int)write.Kind]++;
    }

    /// <summary>The project path an issue is counted under.</summary>
    public static string ProjectOf(Issues.IssueSnapshot issue) => issue.ProjectPath ?? $"project-{issue.ProjectId}";

    /// <summary>The assignee an issue's findings are counted under: the first by username, empty when unassigned.</summary>
    public static string AssigneeOf(Issues.IssueSnapshot issue) =>
        issue.Assignees.Select(a => a.Username).Order(StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;

    public void Add(Verdict verdict, IReadOnlyList<PlannedWrite>? writes = null)
    {
        writes ??= [];
        IssueCount++;
        WriteCount += writes.Count;
        foreach (var write in writes)
        {
            _writesByKind[(int)write.Kind]++;
        }

        if (SkipReason(verdict) is { } reason)
        {
            _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
        }

        // The fixes take effect when they are written (or would be): then the notes describe the state after them,
        // and so do the totals, the history and the summary's lists.
        FoundProblems |= verdict.HasProblems;
        var fixesApplied = FixesApplied(verdict, writes);
        var counted = fixesApplied ? verdict.ViolationsAfterFixes : verdict.Violations;
        var issue = verdict.Issue;
        var project = ProjectOf(issue);
        var assignee = AssigneeOf(issue);
        _issuesByProject[project] = _issuesByProject.GetValueOrDefault(project) + 1;
        foreach (var violation in counted)
        {
            _byRule[violation.Rule] = _byRule.GetValueOrDefault(violation.Rule) + 1;
            _bySeverity[(int)violation.Severity]++;
            var key = new FindingTallyKey(violation.Rule, project, assignee, violation.Severity);
            _tally[key] = _tally.GetValueOrDefault(key) + 1;
        }

        var listed = counted.Where(v => v.Severity == Severity.Error || v.Action == RuleAction.Summary).ToList();
        if (listed.Count > 0)
        {
            var worst = listed.Max(v => v.Severity);
            var list = worst == Severity.Error ? _withErrors : _summaryListed;
            if (worst == Severity.Error)
            {
                IssuesWithErrorsCount++;
            }
            else
            {
                SummaryListedCount++;
            }

            if (list.Count < MaxFlaggedKept)
            {
                list.Add(new FlaggedIssue(issue.ProjectId, project, issue.Iid, issue.WebUrl, issue.Confidential ? null : issue.Title, assignee,
                    worst, [.. listed.Select(v => v.Rule).Distinct()]));
            }
        }

        if (fixesApplied)
        {
            foreach (var violation in verdict.Violations.Where(v => v.Fixes.Count > 0 && !counted.Contains(v)))
            {
                _fixedByRule[violation.Rule] = _fixedByRule.GetValueOrDefault(violation.Rule) + 1;
            }
        }

        if (KeepIssues && (verdict.Violations.Count > 0 || writes.Count > 0))
        {
            _issues.Add(new IssueReportEntry(verdict, writes));
        }
        else if (KeepIssues)
        {
            _clean.Add(new IssueReportEntry(verdict, writes));
        }
    }

    /// <summary>True when the verdict's fixes are among the writes (made, or in a dry run planned).</summary>
    public static bool FixesApplied(Verdict verdict, IReadOnlyList<PlannedWrite> writes) =>
        verdict.AfterFixes is not null
        && writes.Any(w => (w.QuickActions.Count > 0 || w.RestFields.Count > 0) && w.Rules.Any(r => r != Rules.SecretLeakRule.Id));

    /// <summary>The "project" milestone-level findings are counted under (they belong to the scope, not to one project).</summary>
    public const string MilestonesProject = "(milestones)";

    /// <summary>Merge requests with findings (the "Code review" rules), in the order they were evaluated.</summary>
    public IReadOnlyList<MergeRequestReportEntry> MergeRequests => _mergeRequests;

    /// <summary>Merge requests evaluated (with findings or not).</summary>
    public int MergeRequestCount { get; private set; }

    private readonly List<MergeRequestReportEntry> _mergeRequests = [];

    /// <summary>Counts one evaluated merge request: its findings by rule and severity, its writes, and an entry when it has findings.</summary>
    public void AddMergeRequest(MergeRequests.MergeRequestVerdict verdict, IReadOnlyList<PlannedWrite> writes)
    {
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return;
        }

        MergeRequestCount++;
        // An MR's error or warning is a finding like an issue's: the sweep exits 1 for it.
        FoundProblems |= verdict.HasProblems;
        foreach (var violation in verdict.Violations)
        {
            _byRule[violation.Rule] = _byRule.GetValueOrDefault(violation.Rule) + 1;
            _bySeverity[(int)violation.Severity]++;
            FoundProblems |= violation.Severity >= Severity.Warning;
        }

        foreach (var write in writes)
        {
            AddWrite(write);
        }

        if (verdict.Violations.Count > 0)
        {
            var mr = verdict.MergeRequest;
            _mergeRequests.Add(new MergeRequestReportEntry(mr.ProjectId, mr.ProjectPath, mr.Iid, mr.Title, mr.WebUrl, mr.State, verdict.Violations, writes));
        }
    }

    public void AddMilestoneFindings(IEnumerable<MilestoneFinding> findings)
    {
        foreach (var finding in findings)
        {
            _milestoneFindings.Add(finding);
            _byRule[finding.Rule] = _byRule.GetValueOrDefault(finding.Rule) + 1;
            _bySeverity[(int)finding.Severity]++;
            FoundProblems |= finding.Severity >= Severity.Warning;
            var key = new FindingTallyKey(finding.Rule, MilestonesProject, string.Empty, finding.Severity);
            _tally[key] = _tally.GetValueOrDefault(key) + 1;
        }
    }
}

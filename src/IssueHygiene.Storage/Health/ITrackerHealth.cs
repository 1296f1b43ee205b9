using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Storage.Health;

/// <summary>
/// What the summary issue and the dashboard read without asking GitLab: each run's totals (history), the findings each
/// issue has now (kept current by sweeps, webhooks and polling), the waivers in force, and where each scope's summary
/// issue is.
/// </summary>
public interface ITrackerHealth
{
    /// <summary>Stores a finished run and its totals (one transaction); a run id already stored is replaced.</summary>
    Task RecordRunAsync(HealthRun run, IReadOnlyList<HealthTotal> totals, CancellationToken cancellationToken = default);

    /// <summary>The latest runs, newest first; of one scope when <paramref name="scopeKey"/> is given.</summary>
    Task<IReadOnlyList<HealthRun>> ListRunsAsync(string? scopeKey, int limit, CancellationToken cancellationToken = default);

    /// <summary>The totals of every run finished at or after <paramref name="since"/>, oldest run first.</summary>
    Task<IReadOnlyList<HealthTotalRow>> ListTotalsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>One run's totals.</summary>
    Task<IReadOnlyList<HealthTotal>> ListRunTotalsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Forgets runs finished before <paramref name="before"/> (the retention setting); returns how many.</summary>
    Task<int> PruneRunsAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the current findings of each issue given (an issue with none is cleared) and marks them seen at
    /// <paramref name="seenAt"/>; returns how many findings (issue × rule) appeared and went.
    /// </summary>
    Task<FindingChanges> ReplaceCurrentFindingsAsync(IReadOnlyList<IssueFindings> issues, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the current findings of the projects' issues not seen since <paramref name="seenBefore"/> (a full sweep
    /// did not meet them: closed, moved or deleted); returns how many findings went.
    /// </summary>
    Task<int> RemoveUnseenFindingsAsync(IReadOnlyCollection<long> projectIds, DateTimeOffset seenBefore, CancellationToken cancellationToken = default);

    /// <summary>Every current finding, by project and issue.</summary>
    Task<IReadOnlyList<CurrentFinding>> ListCurrentFindingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Waivers in force on <paramref name="today"/>, soonest expiry first (open-ended last).</summary>
    Task<IReadOnlyList<Waiver>> ListWaiversInForceAsync(DateOnly today, int limit, CancellationToken cancellationToken = default);

    Task<SummaryIssueRecord?> GetSummaryIssueAsync(string scopeKey, CancellationToken cancellationToken = default);

    Task RememberSummaryIssueAsync(SummaryIssueRecord record, CancellationToken cancellationToken = default);
}

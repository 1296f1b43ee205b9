using System.Globalization;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Summary;
using IssueHygiene.GitLab;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Health;
using IssueHygiene.Sweeping;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.TrackerHealth;

/// <summary>
/// The tracker-health side of a sweep: keeps each issue's current findings, stores the scope's totals as a history
/// entry when it is done, compares with the previous entry, and keeps the scope's summary issue current (planned in
/// Core, written by the <see cref="Actuator"/>).
/// </summary>
public sealed partial class TrackerHealthRecorder(
    IGitLabClient gitLab,
    IHygieneStore store,
    Actuator actuator,
    RuleSet rules,
    HygieneOptions options,
    TimeProvider time,
    ILogger<TrackerHealthRecorder> logger)
{
    private const int FlushEvery = 100;

    public ScopeHealth Begin(SweepScope scope, bool dryRun) => new(scope, time.GetUtcNow(), dryRun);

    /// <summary>Counts one acted-on issue and queues its current findings (written in batches).</summary>
    public async Task ObserveAsync(
        ScopeHealth health, Verdict verdict, IReadOnlyList<PlannedWrite> writes, bool credentialFound, CancellationToken cancellationToken)
    {
        health.Report.Add(verdict, writes);
        health.Projects.Add(verdict.Issue.ProjectId);
        health.Pending.Add(CurrentFindings.Of(verdict, credentialFound));
        if (health.Pending.Count >= FlushEvery)
        {
            await FlushAsync(health, cancellationToken);
        }
    }

    /// <summary>
    /// Ends the scope: stores its history entry (and prunes old ones), sets the comparison with the previous run on
    /// <paramref name="report"/>, and plans and makes the summary issue write.
    /// </summary>
    /// <returns>The summary issue outcome; null when the summary is off for this run.</returns>
    public async Task<SummaryOutcome?> FinishAsync(ScopeHealth health, HygieneReport report, SweepRequest request, string runId, bool fullSweep,
        ActContext context, CancellationToken cancellationToken)
    {
        await FlushAsync(health, cancellationToken);
        if (fullSweep)
        {
            var gone = await store.Health.RemoveUnseenFindingsAsync(health.Projects, health.StartedAt, cancellationToken);
            health.Changes += new FindingChanges(0, gone);
        }

        var scopeReport = health.Report;
        scopeReport.BudgetExhausted = context.Budget.Exhausted;
        var recent = await store.Health.ListRunsAsync(health.Scope.Key, 1, cancellationToken);
        var previous = recent.Count > 0 ? recent[0] : null;
        if (previous is not null)
        {
            var byRule = (await store.Health.ListRunTotalsAsync(previous.Id, cancellationToken))
                .GroupBy(t => t.Rule).ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal);
            scopeReport.Change = new RunComparison(previous.FinishedAt, byRule, health.Changes.Added, health.Changes.Removed);
            report.Change = Combine(report.Change, scopeReport.Change);
        }

        var finished = time.GetUtcNow();
        SummaryOutcome? summary = null;
        if (options.Summary.IsOn(request.DryRun) || request.SummaryPreview)
        {
            summary = await KeepSummaryIssueAsync(health, finished, context, cancellationToken);
            if (summary is { Status: ActStatus.Written or ActStatus.Planned, Plan.Write: { } write })
            {
                report.AddWrite(write);
                scopeReport.AddWrite(write);
            }
        }

        await store.Health.RecordRunAsync(RunOf(runId, health, finished), TotalsOf(scopeReport), cancellationToken);
        if (options.History.RetentionDays > 0)
        {
            await store.Health.PruneRunsAsync(finished.AddDays(-options.History.RetentionDays), cancellationToken);
        }

        return summary;
    }

    private async Task<SummaryOutcome?> KeepSummaryIssueAsync(ScopeHealth health, DateTimeOffset finished, ActContext context, CancellationToken cancellationToken)
    {
        var projectId = await SummaryProjectAsync(health, cancellationToken);
        if (projectId is not { } project)
        {
            LogNoSummaryProject(logger, health.Scope.Key);
            return null;
        }

        var title = rules.Summary.TitleFor(health.Scope.IdOrPath);
        var existing = await actuator.FindSummaryIssueAsync(health.Scope.Key, title, project, cancellationToken);
        var run = new SummaryRun { Scope = health.Scope.Key, FinishedAt = finished, Report = health.Report, ReportUrl = options.Summary.ReportUrl };
        var plan = SummaryIssuePlanner.Plan(run, title, project, existing, [rules.ExemptionLabel]);
        var outcome = await actuator.ActOnSummaryAsync(plan, context, cancellationToken);
        var url = outcome.WebUrl ?? existing?.WebUrl;
        LogSummary(logger, health.Scope.Key, outcome.Status, url ?? "(new)");
        return outcome with { WebUrl = url };
    }

    /// <summary>The configured project, else the scope itself when it is a project, else the lowest project id swept.</summary>
    private async Task<long?> SummaryProjectAsync(ScopeHealth health, CancellationToken cancellationToken)
    {
        if (options.Summary.Project is { Length: > 0 } configured)
        {
            return (await gitLab.GetProjectAsync(IdOrPath.FromPath(configured), cancellationToken)).Id;
        }

        if (health.Scope.Kind == SweepScopeKind.Project)
        {
            return long.TryParse(health.Scope.IdOrPath, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : (await gitLab.GetProjectAsync(IdOrPath.FromPath(health.Scope.IdOrPath), cancellationToken)).Id;
        }

        return health.Projects.Count > 0 ? health.Projects.Min() : null;
    }

    private async Task FlushAsync(ScopeHealth health, CancellationToken cancellationToken)
    {
        if (health.Pending.Count == 0)
        {
            return;
        }

        health.Changes += await store.Health.ReplaceCurrentFindingsAsync([.. health.Pending], time.GetUtcNow(), cancellationToken);
        health.Pending.Clear();
    }

    private static RunComparison Combine(RunComparison? a, RunComparison b)
    {
        if (a is null)
        {
            return b;
        }

        var byRule = new Dictionary<string, int>(a.PreviousByRule, StringComparer.Ordinal);
        foreach (var (rule, count) in b.PreviousByRule)
        {
            byRule[rule] = byRule.GetValueOrDefault(rule) + count;
        }

        return new RunComparison(a.PreviousAt < b.PreviousAt ? a.PreviousAt : b.PreviousAt, byRule, a.New + b.New, a.Resolved + b.Resolved);
    }

    private static HealthRun RunOf(string runId, ScopeHealth health, DateTimeOffset finished)
    {
        var report = health.Report;
        var findings = report.CountOf(Severity.Error) + report.CountOf(Severity.Warning) + report.CountOf(Severity.Info);
        var byKind = string.Join(", ", Enum.GetValues<WriteKind>().Where(k => report.WritesOf(k) > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Name()}={report.WritesOf(k)}")));
        return new HealthRun(runId, health.Scope.Key, finished, report.IssueCount, findings, report.WriteCount, byKind, report.DryRun, report.BudgetExhausted);
    }

    private static List<HealthTotal> TotalsOf(HygieneReport report) =>
        [.. report.Tally.Select(t => new HealthTotal(t.Key.Rule, t.Key.Project, t.Key.Assignee, t.Key.Severity.ToString().ToLowerInvariant(), t.Value))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary issue of {Scope}: {Status} ({Url})")]
    private static partial void LogSummary(ILogger logger, string scope, ActStatus status, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary issue of {Scope} skipped: no project to keep it in (set Summary:Project)")]
    private static partial void LogNoSummaryProject(ILogger logger, string scope);
}

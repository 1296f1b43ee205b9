using System.Diagnostics;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Sweeps;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Hygiene;

/// <summary>
/// Walks every configured scope's open issues (streamed page by page, never buffered), evaluates each with the
/// scope's milestones and labels fetched once, and hands the verdict to the <see cref="Actuator"/>. A page that
/// fails fails the sweep: a short list is never taken for the whole tracker.
/// </summary>
public sealed partial class SweepRunner(
    IGitLabClient gitLab,
    IHygieneStore store,
    Evaluator evaluator,
    Actuator actuator,
    Secrets.SecretLeakResponder secretLeaks,
    TrackerHealthRecorder health,
    TimeProvider time,
    ILogger<SweepRunner> logger,
    MergeRequests.MergeRequestSweep? mergeRequests = null)
{
    private const int CheckpointEvery = 100;
    private const int AuditBatch = 500;

    public async Task<SweepResult> RunAsync(SweepRequest request, ISweepObserver observer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = new HygieneReport { DryRun = request.DryRun, KeepIssues = request.KeepReportEntries, Scopes = [.. request.Scopes.Select(s => s.Key)] };
        var summaries = new List<SummaryOutcome>();
        var budget = new WriteBudget(request.MaxWrites);
        var catalogs = new TrackerCatalogCache(gitLab);
        var bot = await gitLab.GetCurrentUserAsync(cancellationToken);
        var failedWrites = 0;

        foreach (var scope in request.Scopes)
        {
            failedWrites += await SweepScopeAsync(scope, request, report, budget, catalogs, bot, observer, summaries, cancellationToken);
        }

        report.BudgetExhausted = budget.Exhausted;
        return new SweepResult(report, failedWrites, budget.Exhausted, Stopwatch.GetElapsedTime(started)) { Summaries = summaries };
    }

    private async Task<int> SweepScopeAsync(
        SweepScope scope,
        SweepRequest request,
        HygieneReport report,
        WriteBudget budget,
        TrackerCatalogCache catalogs,
        GitLabUser bot,
        ISweepObserver observer,
        List<SummaryOutcome> summaries,
        CancellationToken cancellationToken)
    {
        // A dry run leaves no trace in the sweep history: it must not move the next incremental sweep's start.
        SweepRun? run = null;
        var resumed = false;
        if (!request.DryRun)
        {
            run = await store.Sweeps.GetResumableAsync(scope.Key, cancellationToken);
            resumed = run is not null;
            run ??= await store.Sweeps.StartAsync(scope.Key, cancellationToken);
        }

        var updatedAfter = request.Incremental ? await store.Sweeps.GetLastSuccessfulStartAsync(scope.Key, cancellationToken) : null;
        var source = AuditSources.Sweep(run?.Id ?? "dry-run-" + Guid.NewGuid().ToString("N")[..12]);
        // A dry run records thousands of would-be writes: commit them in batches, not one fsync each.
        var context = new ActContext(source, request.DryRun, budget, bot.Id, request.DryRun ? [] : null);
        var progress = run?.Progress ?? SweepProgress.None;
        LogScopeStarted(logger, scope.Key, resumed, updatedAfter);
        observer.ScopeStarted(scope, resumed);

        long seen = 0;
        var failed = 0;
        var scopeHealth = health.Begin(scope, request.DryRun);
        try
        {
            var issues = updatedAfter is { } since
                ? ListChangedOrNewlyOverdueAsync(scope, since, cancellationToken)
                : ListOpenIssuesAsync(scope, null, null, cancellationToken);
            await foreach (var issue in issues)
            {
                var snapshot = GitLabIssueMapper.ToSnapshot(issue);
                var catalog = await catalogs.GetAsync(snapshot.ProjectId, cancellationToken);
                var verdict = evaluator.Evaluate(snapshot, time.GetUtcNow(), catalog);
                // Containment first (confidential + internal note); titles and descriptions only: listing every
                // issue's comments would cost a request per issue, and comments are scanned as their Note Hooks arrive.
                var leak = await secretLeaks.RespondAsync(snapshot, [], context, cancellationToken);
                var outcome = await actuator.ActAsync(verdict, catalog, context, cancellationToken);
                if (outcome.Status == ActStatus.Failed || leak.Status == Secrets.SecretLeakStatus.Failed)
                {
                    failed++;
                }

                IReadOnlyList<PlannedWrite> leakWrites = leak.Status is Secrets.SecretLeakStatus.Written or Secrets.SecretLeakStatus.Planned ? leak.Writes : [];
                IReadOnlyList<PlannedWrite> writes = [.. outcome.Status is ActStatus.Written or ActStatus.Planned ? outcome.Writes : [], .. leakWrites];
                report.Add(verdict, writes);
                await health.ObserveAsync(scopeHealth, outcome, writes, cancellationToken);
                observer.IssueDone(scope, outcome);
                seen++;
                progress = progress with
                {
                    IssuesSeen = progress.IssuesSeen + 1,
                    Writes = progress.Writes + (outcome.Status == ActStatus.Written ? outcome.Writes.Count : 0),
                };
                if (context.AuditBuffer is { Count: >= AuditBatch } pending)
                {
                    await FlushAuditAsync(pending, cancellationToken);
                }

                if (run is not null && seen % CheckpointEvery == 0
                    && !await store.Sweeps.CheckpointAsync(run.Id, $"issues:{seen}", progress, cancellationToken))
                {
                    // A newer run of this scope took over (another replica): leave the rest to it.
                    LogSupersededRun(logger, scope.Key, run.Id);
                    return failed;
                }
            }

            // Merge requests ("Code review"): open ones and those merged since the last run, same budget and audit.
            foreach (var outcome in mergeRequests is null ? [] : await mergeRequests.RunAsync(scope, context, cancellationToken))
            {
                failed += outcome.Status == ActStatus.Failed ? 1 : 0;
                report.AddMergeRequest(outcome.Verdict, outcome.Status is ActStatus.Written or ActStatus.Planned ? outcome.Writes : []);
            }

            var milestoneFindings = await MilestoneFindingsAsync(scope, cancellationToken);
            report.AddMilestoneFindings(milestoneFindings);
            scopeHealth.Report.AddMilestoneFindings(milestoneFindings);
            if (await health.FinishAsync(scopeHealth, report, request, run?.Id ?? source, !request.Incremental, context, cancellationToken) is { } summary)
            {
                summaries.Add(summary);
            }

            if (context.AuditBuffer is { } remaining)
            {
                await FlushAuditAsync(remaining, cancellationToken);
            }

            if (run is not null)
            {
                await store.Sweeps.CheckpointAsync(run.Id, "done", progress, cancellationToken);
                await store.Sweeps.FinishAsync(run.Id, budget.Exhausted ? SweepStatus.Failed : SweepStatus.Succeeded,
                    budget.Exhausted ? "write budget exhausted" : null, cancellationToken);
            }
        }
        catch (Exception e) when (run is not null && e is not OperationCanceledException)
        {
            await store.Sweeps.FinishAsync(run.Id, SweepStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }

        observer.ScopeFinished(scope, seen);
        return failed;
    }

    private async Task FlushAuditAsync(List<AuditEntry> pending, CancellationToken cancellationToken)
    {
        await store.Audit.AppendManyAsync([.. pending], cancellationToken);
        pending.Clear();
    }

    /// <summary>
    /// An incremental sweep's issues: those updated since the last successful sweep started, plus those whose sprint
    /// ended since then (an issue does not change when its sprint becomes overdue, so <c>updated_after</c> misses it).
    /// </summary>
    private async IAsyncEnumerable<GitLabIssue> ListChangedOrNewlyOverdueAsync(
        SweepScope scope, DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        await foreach (var issue in ListOpenIssuesAsync(scope, since, null, cancellationToken))
        {
            seen.Add(issue.Id);
            yield return issue;
        }

        var sinceDay = evaluator.Policy.TodayAt(since);
        var today = evaluator.Policy.TodayAt(time.GetUtcNow());
        foreach (var milestone in await ListMilestonesAsync(scope, cancellationToken))
        {
            if (milestone.State == "active" && evaluator.Policy.SprintDateOf(milestone.Title) is { } date && date >= sinceDay && date < today)
            {
                await foreach (var issue in ListOpenIssuesAsync(scope, null, milestone.Title, cancellationToken))
                {
                    if (seen.Add(issue.Id))
                    {
                        yield return issue;
                    }
                }
            }
        }
    }

    private IAsyncEnumerable<GitLabIssue> ListOpenIssuesAsync(SweepScope scope, DateTimeOffset? updatedAfter, string? milestone, CancellationToken cancellationToken)
    {
        var query = new IssueQuery { State = IssueStateFilter.Opened, UpdatedAfter = updatedAfter, Milestone = milestone };
        return scope.Kind == SweepScopeKind.Group
            ? gitLab.ListGroupIssuesAsync(scope.IdOrPath, query, cancellationToken)
            : gitLab.ListProjectIssuesAsync(scope.IdOrPath, query with { Pagination = IssuePaginationMode.Keyset }, cancellationToken);
    }

    /// <summary>The milestone-level checks (report only) over the scope's milestones.</summary>
    private async Task<IReadOnlyList<MilestoneFinding>> MilestoneFindingsAsync(SweepScope scope, CancellationToken cancellationToken) =>
        MilestoneChecks.Check(await ListMilestonesAsync(scope, cancellationToken), evaluator.Policy.TodayAt(time.GetUtcNow()), evaluator.Rules);

    private async Task<List<MilestoneRef>> ListMilestonesAsync(SweepScope scope, CancellationToken cancellationToken)
    {
        var milestones = new List<MilestoneRef>();
        var source = scope.Kind == SweepScopeKind.Group
            ? gitLab.ListGroupMilestonesAsync(scope.IdOrPath, includeAncestors: true, cancellationToken)
            : gitLab.ListProjectMilestonesAsync(scope.IdOrPath, includeAncestors: true, cancellationToken);
        await foreach (var milestone in source)
        {
            milestones.Add(GitLabIssueMapper.ToMilestoneRef(milestone));
        }

        return milestones;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweeping {Scope} (resumed: {Resumed}, updated after: {UpdatedAfter})")]
    private static partial void LogScopeStarted(ILogger logger, string scope, bool resumed, DateTimeOffset? updatedAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep run {RunId} of {Scope} was superseded by a newer run; stopping")]
    private static partial void LogSupersededRun(ILogger logger, string scope, string runId);
}

using System.Diagnostics;
using System.Threading.Channels;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Sweeps;
using IssueHygiene.TrackerHealth;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Sweeping;

/// <summary>
/// Walks every configured scope's open issues (streamed page by page, the next page read while this one is
/// processed), and hands each to the <see cref="IssueProcessor"/> with the scope's milestones and labels fetched once
/// — a few different issues at a time (<see cref="SweepRequest.Concurrency"/>), taken back in listing order. A page
/// that fails fails the sweep: a short list is never taken for the whole tracker. An issue GitLab refuses or lost is
/// recorded in the report and the sweep goes on.
/// </summary>
public sealed partial class SweepRunner(
    IGitLabIssueReader gitLab,
    IGitLabTaxonomy taxonomy,
    IGitLabDirectory directory,
    IHygieneStore store,
    Evaluator evaluator,
    IssueProcessor processor,
    TrackerHealthRecorder health,
    TimeProvider time,
    ILogger<SweepRunner> logger,
    MergeRequests.MergeRequestSweep? mergeRequests = null)
{
    /// <summary>The error a sweep run is finished with when the write budget stopped it (not an interruption).</summary>
    public const string BudgetStopped = "write budget exhausted";

    /// <summary>Noted on a resumed run that succeeded: its interrupted part may have stopped on issues it cannot name.</summary>
    public const string ResumedRun = "resumed after an interruption";

    /// <summary>Issues in a row GitLab did not answer for before the sweep stops (GitLab looks down).</summary>
    public const int MaxUnansweredInARow = 3;

    private const int CheckpointEvery = 100;
    private const int AuditBatch = 500;

    /// <summary>Issues listed ahead of processing: the next page is read while this page's issues are processed.</summary>
    private const int Prefetch = 200;

    public async Task<SweepResult> RunAsync(SweepRequest request, ISweepObserver observer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = new HygieneReport { DryRun = request.DryRun, KeepIssues = request.KeepReportEntries, Scopes = [.. request.Scopes.Select(s => s.Key)] };
        var summaries = new List<SummaryOutcome>();
        var budget = new WriteBudget(request.MaxWrites);
        var catalogs = new TrackerCatalogCache(taxonomy);
        var bot = await directory.GetCurrentUserAsync(cancellationToken);
        var failedWrites = 0;

        foreach (var scope in request.Scopes)
        {
            failedWrites += await SweepScopeAsync(scope, request, report, budget, catalogs, bot, observer, summaries, cancellationToken);
        }

        report.Budget = new Core.Reporting.WriteBudgetUse(budget.Limit, budget.Used, budget.Planned);
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
            if (run is { Status: SweepStatus.Failed, Error: BudgetStopped })
            {
                // The last run finished its walk and only stopped writing: this one starts afresh, it resumes nothing.
                run = null;
            }

            resumed = run is not null;
            run ??= await store.Sweeps.StartAsync(scope.Key, cancellationToken);
        }

        var updatedAfter = request.Incremental ? await store.Sweeps.GetIncrementalBaseAsync(scope.Key, cancellationToken) : null;
        var source = AuditSources.Sweep(run?.Id ?? "dry-run-" + Guid.NewGuid().ToString("N")[..12]);
        // A dry run records thousands of would-be writes: commit them in batches, not one fsync each.
        var context = new ActContext(source, request.DryRun, budget, bot.Id, request.DryRun ? [] : null);
        var progress = run?.Progress ?? SweepProgress.None;
        LogScopeStarted(logger, scope.Key, resumed, updatedAfter);
        observer.ScopeStarted(scope, resumed);

        long seen = 0;
        var failed = 0;
        var unansweredInARow = 0;
        var scopeHealth = health.Begin(scope, request.DryRun);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var throttle = new SemaphoreSlim(Math.Max(1, request.Concurrency));
        var inFlight = new Queue<Task<ActOutcome>>();
        try
        {
            var listed = updatedAfter is { } since
                ? ListChangedOrNewlyOverdueAsync(scope, since, stop.Token)
                : ListOpenIssuesAsync(scope, null, null, stop.Token, request.IncludeClosed ? IssueStateFilter.All : IssueStateFilter.Opened);
            await foreach (var item in PrefetchAsync(listed, stop.Token))
            {
                inFlight.Enqueue(ProcessThrottledAsync(item, throttle, catalogs, context, stop.Token));
                // Issues are processed concurrently (different issues only: a sweep lists each once) and taken in order.
                while (inFlight.Count > 0 && (inFlight.Count >= 2 * Math.Max(1, request.Concurrency) || inFlight.Peek().IsCompleted))
                {
                    if (!await TakeAsync(await inFlight.Dequeue()))
                    {
                        return failed;
                    }
                }
            }

            while (inFlight.Count > 0)
            {
                if (!await TakeAsync(await inFlight.Dequeue()))
                {
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

            await FlushAuditAsync(context, cancellationToken);
            if (run is not null)
            {
                await store.Sweeps.CheckpointAsync(run.Id, "done", progress, cancellationToken);
                // A run that some issues did not get through is noted as such, so the next incremental sweep starts before
                // it and looks at them again (an issue does not change because we failed on it). A resumed run cannot
                // know what its interrupted part failed on, so it counts as one too.
                var incomplete = failed > 0 ? $"{failed} issue(s) stopped by GitLab errors" : resumed ? ResumedRun : null;
                await store.Sweeps.FinishAsync(run.Id, budget.Exhausted ? SweepStatus.Failed : SweepStatus.Succeeded,
                    budget.Exhausted ? BudgetStopped : incomplete, cancellationToken);
            }
        }
        catch (Exception e) when (run is not null && e is not OperationCanceledException)
        {
            await store.Sweeps.FinishAsync(run.Id, SweepStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            await DrainAsync(inFlight);
        }

        observer.ScopeFinished(scope, seen);
        return failed;

        // Records one processed issue, in listing order; false when a newer run took over the scope.
        async Task<bool> TakeAsync(ActOutcome outcome)
        {
            if (outcome.Status == ActStatus.Failed)
            {
                failed++;
            }

            unansweredInARow = outcome.Unanswered is null ? 0 : unansweredInARow + 1;
            if (outcome.Unanswered is { } unanswered && unansweredInARow >= MaxUnansweredInARow)
            {
                // GitLab looks down, not one issue unlucky: stop (the run resumes from its checkpoint next time).
                throw unanswered;
            }

            if (outcome.Status is ActStatus.Failed or ActStatus.Gone && outcome.Issue is { } key)
            {
                report.AddFailure(new IssueFailure(key.ProjectId, key.Iid, outcome.Error ?? "failed", outcome.Status == ActStatus.Gone));
            }

            if (outcome.Verdict is { } verdict)
            {
                IReadOnlyList<PlannedWrite> writes = outcome.Status is ActStatus.Written or ActStatus.Planned ? outcome.Writes : [];
                report.Add(verdict, writes);
                await health.ObserveAsync(scopeHealth, verdict, writes, outcome.SecretFindings.Count > 0, cancellationToken);
            }

            observer.IssueDone(scope, outcome);
            seen++;
            progress = progress with
            {
                IssuesSeen = progress.IssuesSeen + 1,
                Writes = progress.Writes + (outcome.Status == ActStatus.Written ? outcome.Writes.Count : 0),
            };
            if (context.AuditBuffer is { Count: >= AuditBatch })
            {
                await FlushAuditAsync(context, cancellationToken);
            }

            if (run is not null && seen % CheckpointEvery == 0
                && !await store.Sweeps.CheckpointAsync(run.Id, $"issues:{seen}", progress, cancellationToken))
            {
                // A newer run of this scope took over (another replica): leave the rest to it.
                LogSupersededRun(logger, scope.Key, run.Id);
                return false;
            }

            return true;
        }
    }

    private async Task<ActOutcome> ProcessThrottledAsync(IssueRequest request, SemaphoreSlim throttle, TrackerCatalogCache catalogs, ActContext context, CancellationToken cancellationToken)
    {
        await throttle.WaitAsync(cancellationToken);
        try
        {
            return await processor.ProcessAsync(request, catalogs, context, cancellationToken);
        }
        catch (GitLabTransportException e) when (!cancellationToken.IsCancellationRequested)
        {
            // One unanswered request is this issue's failure (a note may or may not exist: the next run reads GitLab's
            // state and plans again); several in a row end the run (see TakeAsync).
            return new ActOutcome(null, [], ActStatus.Failed, e.Message) { Issue = new IssueKey(request.ProjectId, request.Iid), Unanswered = e };
        }
        finally
        {
            throttle.Release();
        }
    }

    /// <summary>Reads the listing ahead into a bounded buffer, so the next page's request overlaps this page's work.</summary>
    private async IAsyncEnumerable<IssueRequest> PrefetchAsync(IAsyncEnumerable<GitLabIssue> listed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = Channel.CreateBounded<IssueRequest>(new BoundedChannelOptions(Prefetch) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var issue in listed.WithCancellation(cancellationToken))
                {
                    await buffer.Writer.WriteAsync(IssueRequest.For(GitLabIssueMapper.ToSnapshot(issue), time.GetUtcNow()), cancellationToken);
                }

                buffer.Writer.Complete();
            }
            catch (Exception e)
            {
                buffer.Writer.Complete(e);
            }
        }, CancellationToken.None);
        await foreach (var request in buffer.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return request;
        }

        await producer;
    }

    private static async Task DrainAsync(Queue<Task<ActOutcome>> inFlight)
    {
        while (inFlight.Count > 0)
        {
            try
            {
                await inFlight.Dequeue();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Stopped with the run: its error (or cancellation) was already reported by the first failure.
            }
        }
    }

    private async Task FlushAuditAsync(ActContext context, CancellationToken cancellationToken)
    {
        if (context.AuditBuffer is not { } buffer)
        {
            return;
        }

        AuditEntry[] pending;
        lock (buffer)
        {
            pending = [.. buffer];
            buffer.Clear();
        }

        if (pending.Length > 0)
        {
            await store.Audit.AppendManyAsync(pending, cancellationToken);
        }
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

    private IAsyncEnumerable<GitLabIssue> ListOpenIssuesAsync(
        SweepScope scope, DateTimeOffset? updatedAfter, string? milestone, CancellationToken cancellationToken, IssueStateFilter state = IssueStateFilter.Opened)
    {
        var query = new IssueQuery { State = state, UpdatedAfter = updatedAfter, Milestone = milestone };
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
            ? taxonomy.ListGroupMilestonesAsync(scope.IdOrPath, includeAncestors: true, cancellationToken)
            : taxonomy.ListProjectMilestonesAsync(scope.IdOrPath, includeAncestors: true, cancellationToken);
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

using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Hosting;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;
using IssueHygiene.Worker;

namespace IssueHygiene.Polling;

/// <summary>
/// One poll: for each configured scope, lists the issues updated since the scope's stored watermark (minus the overlap),
/// queues a <see cref="PollDelivery"/> per issue version not seen before, and moves the watermark to the newest
/// <c>updated_at</c> listed. Cost: one list request per page of changed issues per scope, nothing per unchanged issue;
/// plus, when merge-request rules are on, the same for MRs (<see cref="MergeRequestPoller"/>).
/// The watermark moves only after the whole list was read, so a failed page is retried from the same point next time.
/// </summary>
public sealed partial class IssuePoller(
    IGitLabClient gitLab,
    IHygieneStore store,
    HygieneOptions options,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<IssuePoller> logger,
    LintWorkerSignal? signal = null,
    PollCommentReader? comments = null,
    MergeRequestPoller? mergeRequests = null)
{
    public IReadOnlyList<SweepScope> Scopes { get; } = HygieneServiceCollectionExtensions.ScopesFrom(options, null, null);

    /// <summary>The storage key of a scope's poll watermark (apart from anything a sweep may keep for the same scope).</summary>
    public static string WatermarkKey(SweepScope scope) => "poll:" + scope.Key;

    /// <summary>Polls every scope once; a scope that fails does not stop the others.</summary>
    public async Task<IReadOnlyList<ScopePollResult>> PollOnceAsync(CancellationToken cancellationToken)
    {
        var results = new List<ScopePollResult>(Scopes.Count);
        foreach (var scope in Scopes)
        {
            try
            {
                results.Add(await PollScopeAsync(scope, cancellationToken));
            }
            catch (Exception e) when (e is GitLabException or StorageUnavailableException or System.Data.Common.DbException or IOException)
            {
                // GitLab or the store is unavailable: the watermark stays, so the next poll asks for the same range.
                LogScopeFailed(logger, scope.Key, e.Message);
                var watermark = await TryGetWatermarkAsync(scope);
                results.Add(new ScopePollResult(scope, watermark ?? time.GetUtcNow(), 0, 0, watermark ?? default, e.Message));
            }
        }

        return results;
    }

    private async Task<ScopePollResult> PollScopeAsync(SweepScope scope, CancellationToken cancellationToken)
    {
        var key = WatermarkKey(scope);
        var stored = await store.Watermarks.GetAsync(key, cancellationToken);

        // First poll ever: start now. Replaying the tracker is the nightly sweep's job, not the poller's.
        var updatedAfter = (stored ?? time.GetUtcNow()) - schedule.Overlap;
        var watermark = stored ?? updatedAfter;
        var listed = 0;
        var queued = 0;
        await foreach (var issue in ListChangedAsync(scope, updatedAfter, cancellationToken))
        {
            listed++;
            if (issue.UpdatedAt is not { } updatedAt)
            {
                // GitLab always sends updated_at; without it the issue version cannot be named, so it is not queued.
                LogNoUpdatedAt(logger, issue.ProjectId, issue.Iid);
                continue;
            }

            watermark = updatedAt > watermark ? updatedAt : watermark;

            // A version newer than anything seen cannot be known yet: read its comments before queueing it, so a failed
            // notes request leaves the version unqueued and the next poll reads both again. Older versions (the overlap
            // window) are usually known: their comments are read only when the version turns out to be new.
            var newer = stored is null || updatedAt > stored;
            if (comments is not null && newer)
            {
                queued += await comments.QueueCommandsAsync(issue, updatedAfter, cancellationToken);
            }

            var outcome = await store.Deliveries.EnqueueAsync(PollDelivery.For(issue, updatedAt, time.GetUtcNow()), cancellationToken);
            if (!outcome.IsDuplicate)
            {
                if (comments is not null && !newer)
                {
                    queued += await comments.QueueCommandsAsync(issue, updatedAfter, cancellationToken);
                }

                queued++;
                signal?.DeliveryQueued();
                LogQueued(logger, outcome.DeliveryId, issue.ProjectId, issue.Iid, updatedAt);
            }
        }

        await store.Watermarks.AdvanceAsync(key, watermark, cancellationToken);

        // Merge requests after the issues, with their own watermark: a failure there leaves the issue half done.
        var (mrListed, mrQueued, mrError) = mergeRequests is null ? (0, 0, null) : await mergeRequests.PollScopeAsync(scope, cancellationToken);
        return new ScopePollResult(scope, updatedAfter, listed, queued, watermark, mrError is null ? null : "merge requests: " + mrError, mrListed, mrQueued);
    }

    /// <summary>Open and closed issues alike: a webhook reports a close too, and the worker decides what it means.</summary>
    private IAsyncEnumerable<GitLab.Dtos.GitLabIssue> ListChangedAsync(SweepScope scope, DateTimeOffset updatedAfter, CancellationToken cancellationToken)
    {
        var query = new IssueQuery { State = IssueStateFilter.All, UpdatedAfter = updatedAfter };
        return scope.Kind == SweepScopeKind.Group
            ? gitLab.ListGroupIssuesAsync(scope.IdOrPath, query, cancellationToken)
            : gitLab.ListProjectIssuesAsync(scope.IdOrPath, query with { Pagination = IssuePaginationMode.Keyset }, cancellationToken);
    }

    private async Task<DateTimeOffset?> TryGetWatermarkAsync(SweepScope scope)
    {
        try
        {
            return await store.Watermarks.GetAsync(WatermarkKey(scope), CancellationToken.None);
        }
        catch (Exception e) when (e is StorageUnavailableException or System.Data.Common.DbException or IOException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Scope} failed ({Error}); its watermark stays, the next poll retries the same range")]
    private static partial void LogScopeFailed(ILogger logger, string scope, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {ProjectId} issue {Iid} was listed without updated_at; not queued")]
    private static partial void LogNoUpdatedAt(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll queued delivery {DeliveryId} for project {ProjectId} issue {Iid} (updated {UpdatedAt})")]
    private static partial void LogQueued(ILogger logger, long deliveryId, long projectId, long iid, DateTimeOffset updatedAt);
}

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
/// <c>updated_at</c> listed (<see cref="WatermarkPoll{T}"/>, shared with merge requests). Cost: one list request per page of changed issues per scope, nothing per unchanged issue;
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
        var poll = await new WatermarkPoll<GitLab.Dtos.GitLabIssue>(store, schedule, time, signal)
        {
            List = updatedAfter => ListChangedAsync(scope, updatedAfter, cancellationToken),
            UpdatedAt = issue => issue.UpdatedAt,
            Delivery = PollDelivery.For,
            QueueComments = comments is null ? null : comments.QueueCommandsAsync,
            NoUpdatedAt = issue => LogNoUpdatedAt(logger, issue.ProjectId, issue.Iid),
            Queued = (id, issue, updatedAt) => LogQueued(logger, id, issue.ProjectId, issue.Iid, updatedAt),
        }.RunAsync(WatermarkKey(scope), cancellationToken);
        var (updatedAfter, listed, queued, watermark) = poll;

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

using IssueHygiene.Core.MergeRequests;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;
using IssueHygiene.Sweeping;
using IssueHygiene.Storage;
using IssueHygiene.Worker;

namespace IssueHygiene.Polling;

/// <summary>
/// The merge-request half of a poll, per scope: lists the MRs updated since the scope's own MR watermark (minus the
/// overlap; every state, since a merge is what <c>mr-self-merged</c> looks at), queues one delivery per MR version not
/// seen before under the MR's queue key, and (polling only) the MR comments addressed to the bot — the same
/// <see cref="WatermarkPoll{T}"/> as issues. The worker then
/// handles them exactly as Merge Request and Note Hooks. Its watermark is apart from the issues', so a failed MR list
/// neither holds back nor repeats the issue half. With every MR rule off it lists nothing.
/// </summary>
public sealed partial class MergeRequestPoller(
    IGitLabMergeRequests gitLab,
    IHygieneStore store,
    MergeRequestEvaluator evaluator,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<MergeRequestPoller> logger,
    LintWorkerSignal? signal = null,
    PollCommentReader? comments = null)
{
    /// <summary>The storage key of a scope's MR poll watermark.</summary>
    public static string WatermarkKey(SweepScope scope) => "poll-mr:" + scope.Key;

    /// <summary>Polls the scope's MRs once: what was listed and queued, or why it failed (its watermark then stays).</summary>
    public async Task<(int Listed, int Queued, string? Error)> PollScopeAsync(SweepScope scope, CancellationToken cancellationToken)
    {
        if (!evaluator.AnyRuleEnabled)
        {
            return (0, 0, null);
        }

        try
        {
            return await PollAsync(scope, cancellationToken);
        }
        catch (Exception e) when (e is GitLabException or StorageUnavailableException or System.Data.Common.DbException or IOException)
        {
            LogScopeFailed(logger, scope.Key, e.Message);
            return (0, 0, e.Message);
        }
    }

    private async Task<(int Listed, int Queued, string? Error)> PollAsync(SweepScope scope, CancellationToken cancellationToken)
    {
        var poll = await new WatermarkPoll<GitLabMergeRequest>(store, schedule, time, signal)
        {
            List = updatedAfter =>
            {
                var query = new MergeRequestQuery { State = MergeRequestStateFilter.All, UpdatedAfter = updatedAfter };
                return scope.Kind == SweepScopeKind.Group
                    ? gitLab.ListGroupMergeRequestsAsync(scope.IdOrPath, query, cancellationToken)
                    : gitLab.ListProjectMergeRequestsAsync(scope.IdOrPath, query, cancellationToken);
            },
            UpdatedAt = mergeRequest => mergeRequest.UpdatedAt,
            Delivery = PollDelivery.For,
            QueueComments = comments is null ? null : comments.QueueMergeRequestCommandsAsync,
        }.RunAsync(WatermarkKey(scope), cancellationToken);
        return (poll.Listed, poll.Queued, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merge request poll of {Scope} failed ({Error}); its MR watermark stays, the next poll retries the same range")]
    private static partial void LogScopeFailed(ILogger logger, string scope, string error);
}

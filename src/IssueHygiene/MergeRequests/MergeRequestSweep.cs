using IssueHygiene.Core.MergeRequests;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// The sweep's merge-request part, per scope: every open MR, and the MRs merged since the scope's last successful
/// sweep (GitLab has no "merged after" filter: <c>state=merged&amp;updated_after=…</c>, then <c>merged_at</c> checked
/// here). Without a previous run it looks back <see cref="FirstRunLookback"/>. Each MR goes through the
/// <see cref="MergeRequestProcessor"/>. With every MR rule off, it lists nothing.
/// </summary>
public sealed class MergeRequestSweep(IGitLabMergeRequests gitLab, IHygieneStore store, MergeRequestProcessor processor, TimeProvider time)
{
    /// <summary>How far back a first sweep looks for merged MRs.</summary>
    public static readonly TimeSpan FirstRunLookback = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<MergeRequestOutcome>> RunAsync(SweepScope scope, ActContext context, CancellationToken cancellationToken)
    {
        if (!processor.Evaluator.AnyRuleEnabled)
        {
            return [];
        }

        var mergedSince = await store.Sweeps.GetIncrementalBaseAsync(scope.Key, cancellationToken) ?? time.GetUtcNow() - FirstRunLookback;
        var outcomes = new List<MergeRequestOutcome>();
        foreach (var query in new[]
        {
            new MergeRequestQuery { State = MergeRequestStateFilter.Opened },
            new MergeRequestQuery { State = MergeRequestStateFilter.Merged, UpdatedAfter = mergedSince },
        })
        {
            var list = scope.Kind == SweepScopeKind.Group
                ? gitLab.ListGroupMergeRequestsAsync(scope.IdOrPath, query, cancellationToken)
                : gitLab.ListProjectMergeRequestsAsync(scope.IdOrPath, query, cancellationToken);
            await foreach (var dto in list)
            {
                var readAt = time.GetUtcNow();
                var mergeRequest = GitLabMergeRequestMapper.ToSnapshot(dto);
                if (mergeRequest.State == MergeRequestState.Merged && mergeRequest.MergedAt < mergedSince)
                {
                    continue;
                }

                outcomes.Add(await processor.ProcessAsync(mergeRequest, readAt, notesToScan: [], context, options: null, cancellationToken));
            }
        }

        return outcomes;
    }
}

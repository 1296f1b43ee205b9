using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage;
using IssueHygiene.Worker;

namespace IssueHygiene.Polling;

/// <summary>
/// Comments for a polling-only installation, as GitLab's Note Hook would deliver them: for a changed issue with
/// comments, lists its notes and queues every person's comment written or edited since the poll's lower bound, so the
/// worker runs its commands (<c>@bot lint</c>, <c>@bot waive …</c>) and scans it for leaked credentials (the handbook's
/// secrets procedure does not wait for a command). Costs one notes request (per page) per changed issue version that
/// has comments; never used when webhooks are configured, since the webhook already delivers every comment (and a
/// command must not run twice).
/// </summary>
public sealed class PollCommentReader(IGitLabClient gitLab, IGitLabMergeRequests mergeRequests, IHygieneStore store, BotIdentity bot, TimeProvider time)
{
    /// <summary>Queues the issue's new and edited comments; returns how many deliveries were new.</summary>
    public Task<int> QueueCommandsAsync(GitLabIssue issue, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueueAsync(issue.UserNotesCount, ct => gitLab.ListIssueNotesAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, ct),
            (note, now) => PollCommentDelivery.For(issue, note, now), since, cancellationToken);

    /// <summary>The same for a changed merge request: its new and edited comments, queued under the MR's key.</summary>
    public Task<int> QueueMergeRequestCommandsAsync(GitLabMergeRequest mergeRequest, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueueAsync(mergeRequest.UserNotesCount, ct => mergeRequests.ListMergeRequestNotesAsync(IdOrPath.FromId(mergeRequest.ProjectId), mergeRequest.Iid, ct),
            (note, now) => PollCommentDelivery.For(mergeRequest, note, now), since, cancellationToken);

    /// <summary>Lists the item's notes (none when GitLab counts none) and queues people's comments written or edited since <paramref name="since"/>.</summary>
    private async Task<int> QueueAsync(
        int? userNotesCount,
        Func<CancellationToken, IAsyncEnumerable<GitLabNote>> listNotes,
        Func<GitLabNote, DateTimeOffset, Storage.Deliveries.NewDelivery> delivery,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        if (userNotesCount is 0)
        {
            return 0;
        }

        var me = await bot.GetAsync(cancellationToken);
        var queued = 0;
        await foreach (var note in listNotes(cancellationToken))
        {
            if (note.System || (note.UpdatedAt ?? note.CreatedAt) < since || note.Author?.Id == me.Id)
            {
                continue;
            }

            var outcome = await store.Deliveries.EnqueueAsync(delivery(note, time.GetUtcNow()), cancellationToken);
            queued += outcome.IsDuplicate ? 0 : 1;
        }

        return queued;
    }
}

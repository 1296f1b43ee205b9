using IssueHygiene.Core.Commands;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage;
using IssueHygiene.Worker;

namespace IssueHygiene.Polling;

/// <summary>
/// Comment commands (<c>@bot lint</c>, <c>@bot waive …</c>) for a polling-only installation: for a changed issue with
/// comments, lists its notes and queues those written since the poll's lower bound that address the bot. Costs one
/// notes request (per page) per changed issue version that has comments; never used when webhooks are configured,
/// since the webhook already delivers every comment (and a command must not run twice).
/// </summary>
public sealed class PollCommentReader(IGitLabClient gitLab, IGitLabMergeRequests mergeRequests, IHygieneStore store, BotIdentity bot, TimeProvider time)
{
    /// <summary>Queues the issue's new commands; returns how many deliveries were new.</summary>
    public Task<int> QueueCommandsAsync(GitLabIssue issue, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueueAsync(issue.UserNotesCount, ct => gitLab.ListIssueNotesAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, ct),
            (note, now) => PollCommentDelivery.For(issue, note, now), since, cancellationToken);

    /// <summary>The same for a changed merge request: its comments addressed to the bot, queued under the MR's key.</summary>
    public Task<int> QueueMergeRequestCommandsAsync(GitLabMergeRequest mergeRequest, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueueAsync(mergeRequest.UserNotesCount, ct => mergeRequests.ListMergeRequestNotesAsync(IdOrPath.FromId(mergeRequest.ProjectId), mergeRequest.Iid, ct),
            (note, now) => PollCommentDelivery.For(mergeRequest, note, now), since, cancellationToken);

    /// <summary>Lists the item's notes (none when GitLab counts none) and queues those since <paramref name="since"/> with commands.</summary>
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
            if (note.System || note.CreatedAt < since || note.Author?.Id == me.Id || CommentCommandParser.Parse(note.Body, me.Username).Count == 0)
            {
                continue;
            }

            var outcome = await store.Deliveries.EnqueueAsync(delivery(note, time.GetUtcNow()), cancellationToken);
            queued += outcome.IsDuplicate ? 0 : 1;
        }

        return queued;
    }
}

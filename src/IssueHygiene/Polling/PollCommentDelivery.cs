using System.Globalization;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Polling;

/// <summary>
/// A comment addressed to the bot, found by a poll, queued as the digest of the <c>Note Hook</c> GitLab would have sent: the
/// worker then reads the comment from GitLab exactly as for a webhook (and checks the author's access the same way). Keyed by note id,
/// so a comment is read once however often its issue is polled.
/// </summary>
public static class PollCommentDelivery
{
    public static string IdempotencyKey(long projectId, long iid, long noteId) =>
        string.Create(CultureInfo.InvariantCulture, $"poll-note:{projectId}:{iid}:{noteId}");

    public static NewDelivery For(GitLabIssue issue, GitLabNote note, DateTimeOffset now) => For(issue.ProjectId, issue.Iid, note, now);

    /// <summary>A comment on a merge request: queued under the MR's queue key, like its Note Hook.</summary>
    public static NewDelivery For(GitLabMergeRequest mergeRequest, GitLabNote note, DateTimeOffset now) =>
        For(mergeRequest.ProjectId, MergeRequests.MergeRequestQueueKey.FromIid(mergeRequest.Iid), note, now);

    private static NewDelivery For(long projectId, long queueIid, GitLabNote note, DateTimeOffset now) => new()
    {
        IdempotencyKey = IdempotencyKey(projectId, queueIid, note.Id),
        EventName = "Note Hook",
        ProjectId = projectId,
        IssueIid = queueIid,
        ReceivedAt = now,
        Payload = Webhooks.DeliveryDigest.Note(note.Id, "create").ToJson(),
    };
}

using System.Globalization;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Polling;

/// <summary>
/// A comment found by a poll, queued as the digest of the <c>Note Hook</c> GitLab would have sent: the worker then reads the
/// comment from GitLab exactly as for a webhook (commands, the author's access, the secret scan). Keyed by note id — and, for
/// an edit, by the time of the edit — so a comment version is read once however often its issue is polled.
/// </summary>
public static class PollCommentDelivery
{
    public static string IdempotencyKey(long projectId, long iid, long noteId) =>
        string.Create(CultureInfo.InvariantCulture, $"poll-note:{projectId}:{iid}:{noteId}");

    public static NewDelivery For(GitLabIssue issue, GitLabNote note, DateTimeOffset now) => For(issue.ProjectId, issue.Iid, note, now);

    /// <summary>A comment on a merge request: queued under the MR's queue key, like its Note Hook.</summary>
    public static NewDelivery For(GitLabMergeRequest mergeRequest, GitLabNote note, DateTimeOffset now) =>
        For(mergeRequest.ProjectId, MergeRequests.MergeRequestQueueKey.FromIid(mergeRequest.Iid), note, now);

    private static NewDelivery For(long projectId, long queueIid, GitLabNote note, DateTimeOffset now)
    {
        // An edit (GitLab moves updated_at) is a new version: queued as an update, like the Note Hook of an edit.
        var edited = note.UpdatedAt is { } updated && updated > note.CreatedAt;
        return new()
        {
            IdempotencyKey = edited
                ? string.Create(CultureInfo.InvariantCulture, $"{IdempotencyKey(projectId, queueIid, note.Id)}:edit:{note.UpdatedAt!.Value.UtcTicks}")
                : IdempotencyKey(projectId, queueIid, note.Id),
            EventName = "Note Hook",
            ProjectId = projectId,
            IssueIid = queueIid,
            ReceivedAt = now,
            Payload = Webhooks.DeliveryDigest.Note(note.Id, edited ? "update" : "create").ToJson(),
        };
    }
}

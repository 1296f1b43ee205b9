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

    public static NewDelivery For(GitLabIssue issue, GitLabNote note, DateTimeOffset now)
    {
        return new NewDelivery
        {
            IdempotencyKey = IdempotencyKey(issue.ProjectId, issue.Iid, note.Id),
            EventName = "Note Hook",
            ProjectId = issue.ProjectId,
            IssueIid = issue.Iid,
            ReceivedAt = now,
            Payload = Webhooks.DeliveryDigest.Note(note.Id, "create").ToJson(),
        };
    }
}

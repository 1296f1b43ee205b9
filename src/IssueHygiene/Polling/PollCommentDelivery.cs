using System.Globalization;
using System.Text.Json.Nodes;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Polling;

/// <summary>
/// A comment addressed to the bot, found by a poll, queued as the <c>Note Hook</c> GitLab would have sent: the worker
/// then reads its commands exactly as from a webhook (and checks the author's access the same way). Keyed by note id,
/// so a comment is read once however often its issue is polled.
/// </summary>
public static class PollCommentDelivery
{
    public static string IdempotencyKey(long projectId, long iid, long noteId) =>
        string.Create(CultureInfo.InvariantCulture, $"poll-note:{projectId}:{iid}:{noteId}");

    public static NewDelivery For(GitLabIssue issue, GitLabNote note, DateTimeOffset now)
    {
        var payload = new JsonObject
        {
            ["object_kind"] = "note",
            ["event_type"] = "note",
            ["user"] = new JsonObject { ["id"] = note.Author?.Id, ["username"] = note.Author?.Username },
            ["project_id"] = issue.ProjectId,
            ["project"] = new JsonObject { ["id"] = issue.ProjectId },
            ["object_attributes"] = new JsonObject
            {
                ["id"] = note.Id,
                ["note"] = note.Body,
                ["noteable_type"] = "Issue",
                ["author_id"] = note.Author?.Id,
                ["project_id"] = issue.ProjectId,
                ["noteable_id"] = issue.Id,
                ["system"] = note.System,
                ["internal"] = note.Internal,
                ["action"] = "create",
                ["created_at"] = note.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            ["issue"] = new JsonObject
            {
                ["id"] = issue.Id,
                ["iid"] = issue.Iid,
                ["project_id"] = issue.ProjectId,
                ["title"] = issue.Title,
            },
        };
        return new NewDelivery
        {
            IdempotencyKey = IdempotencyKey(issue.ProjectId, issue.Iid, note.Id),
            EventName = "Note Hook",
            ProjectId = issue.ProjectId,
            IssueIid = issue.Iid,
            ReceivedAt = now,
            Payload = payload.ToJsonString(),
        };
    }
}

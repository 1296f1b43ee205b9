using System.Globalization;
using System.Text.Json.Nodes;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Polling;

/// <summary>
/// The synthetic delivery a poll queues for a changed issue, so polling shares the webhook path's per-issue claims,
/// debounce, retries and dead letters. Its key names the issue <em>version</em> (<c>updated_at</c>): the same version
/// seen again (overlap window, a second replica, a restart) is a duplicate, a new version is new work.
/// </summary>
public static class PollDelivery
{
    /// <summary>The <c>EventName</c> of polled deliveries (GitLab never sends it, so they are told apart in the store).</summary>
    public const string EventName = "Poll";

    /// <summary>The payload's <c>object_kind</c>: the webhook parser ignores it, so the worker reads no commands from it.</summary>
    public const string ObjectKind = "poll";

    public static string IdempotencyKey(long projectId, long iid, DateTimeOffset updatedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"poll:{projectId}:{iid}:{updatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}");

    /// <summary>
    /// The delivery for a changed merge request version: queued under the MR's queue key (its negated iid), so the worker
    /// hands it to the merge-request path, and keyed apart from the issue with the same number.
    /// </summary>
    public static NewDelivery For(GitLabMergeRequest mergeRequest, DateTimeOffset updatedAt, DateTimeOffset now)
    {
        var queueIid = MergeRequests.MergeRequestQueueKey.FromIid(mergeRequest.Iid);
        var payload = new JsonObject
        {
            ["object_kind"] = ObjectKind,
            ["project_id"] = mergeRequest.ProjectId,
            ["merge_request_iid"] = mergeRequest.Iid,
            ["updated_at"] = updatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        return new NewDelivery
        {
            IdempotencyKey = IdempotencyKey(mergeRequest.ProjectId, queueIid, updatedAt),
            EventName = EventName,
            ProjectId = mergeRequest.ProjectId,
            IssueIid = queueIid,
            ReceivedAt = now,
            Payload = payload.ToJsonString(),
        };
    }

    public static NewDelivery For(GitLabIssue issue, DateTimeOffset updatedAt, DateTimeOffset now)
    {
        // The issue itself is always re-fetched by the worker: the payload only records what the poll saw.
        var payload = new JsonObject
        {
            ["object_kind"] = ObjectKind,
            ["project_id"] = issue.ProjectId,
            ["iid"] = issue.Iid,
            ["updated_at"] = updatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        return new NewDelivery
        {
            IdempotencyKey = IdempotencyKey(issue.ProjectId, issue.Iid, updatedAt),
            EventName = EventName,
            ProjectId = issue.ProjectId,
            IssueIid = issue.Iid,
            ReceivedAt = now,
            Payload = payload.ToJsonString(),
        };
    }
}

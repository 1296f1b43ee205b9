using IssueHygiene.MergeRequests;

namespace IssueHygiene.Processing;

/// <summary>
/// One thing the <see cref="Actuator"/> writes to: an issue (<c>#iid</c>) or a merge request (<c>!iid</c>) of a project.
/// </summary>
public sealed record WorkItem(WorkItemKind Kind, long ProjectId, long Iid)
{
    public static WorkItem Issue(long projectId, long iid) => new(WorkItemKind.Issue, projectId, iid);

    public static WorkItem MergeRequest(long projectId, long iid) => new(WorkItemKind.MergeRequest, projectId, iid);

    /// <summary>
    /// The item's key in the durable queue and its write-lock name: the iid for an issue, the negated iid for a merge
    /// request (<see cref="MergeRequestQueueKey"/>), so issue #5 and MR !5 never hold each other's lock.
    /// </summary>
    public long Key => Kind == WorkItemKind.MergeRequest ? MergeRequestQueueKey.FromIid(Iid) : Iid;

    /// <summary><c>issue #5</c> or <c>merge request !5</c>: how logs and the audit log's detail name it.</summary>
    public override string ToString() => Kind == WorkItemKind.MergeRequest ? $"merge request !{Iid}" : $"issue #{Iid}";
}

namespace IssueHygiene.MergeRequests;

/// <summary>
/// Merge requests share the durable queue, its dedupe and its per-item claims with issues, which key deliveries by
/// project and issue iid. MR !5 and issue #5 are different items, so an MR is queued under the negated iid: the claim
/// of one never holds back (or batches with) the other, and no storage schema changes. Only this type knows the trick.
/// </summary>
public static class MergeRequestQueueKey
{
    public static long FromIid(long mergeRequestIid) => -mergeRequestIid;

    public static bool IsMergeRequest(long? queueIid) => queueIid < 0;

    public static long ToIid(long queueIid) => -queueIid;
}

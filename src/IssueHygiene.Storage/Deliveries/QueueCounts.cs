namespace IssueHygiene.Storage.Deliveries;

/// <summary>Queue gauges for <c>/status</c> and <c>issuehygiene_queue_depth</c>.</summary>
public sealed record QueueCounts(long Pending, long Claimed, long Dead)
{
    /// <summary>Deliveries not yet done: pending plus claimed.</summary>
    public long Depth => Pending + Claimed;
}

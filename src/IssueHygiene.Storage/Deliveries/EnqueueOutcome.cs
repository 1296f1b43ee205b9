namespace IssueHygiene.Storage.Deliveries;

/// <summary><c>Enqueued(id)</c> or <c>Duplicate(existingId)</c>.</summary>
public sealed record EnqueueOutcome(EnqueueResult Result, long DeliveryId)
{
    public static EnqueueOutcome Enqueued(long id) => new(EnqueueResult.Enqueued, id);

    public static EnqueueOutcome Duplicate(long existingId) => new(EnqueueResult.Duplicate, existingId);

    public bool IsDuplicate => Result == EnqueueResult.Duplicate;
}

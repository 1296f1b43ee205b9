namespace IssueHygiene.Storage.Deliveries;

public enum EnqueueResult
{
    /// <summary>Stored durably as a new delivery.</summary>
    Enqueued,

    /// <summary>The idempotency key was already known; nothing was stored.</summary>
    Duplicate,
}

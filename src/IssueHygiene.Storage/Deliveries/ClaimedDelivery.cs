namespace IssueHygiene.Storage.Deliveries;

/// <summary>One delivery of a claimed batch.</summary>
public sealed record ClaimedDelivery(
    long Id,
    string IdempotencyKey,
    string EventName,
    string? EventUuid,
    long? ProjectId,
    long? IssueIid,
    DateTimeOffset ReceivedAt,
    string Payload,
    int Attempts);

namespace IssueHygiene.Storage.Deliveries;

/// <summary>A stored delivery with its queue state (for dead-letter listings, diagnostics and tests).</summary>
public sealed record DeliveryRecord(
    long Id,
    string IdempotencyKey,
    string EventName,
    string? EventUuid,
    long? ProjectId,
    long? IssueIid,
    DateTimeOffset ReceivedAt,
    string Payload,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt,
    string? LastError);

namespace IssueHygiene.Storage.Deliveries;

/// <summary>A webhook delivery as received, before it is queued.</summary>
public sealed record NewDelivery
{
    /// <summary>GitLab's <c>Idempotency-Key</c> header: stable across resends of the same event.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary><c>X-Gitlab-Event</c>, e.g. <c>Issue Hook</c>.</summary>
    public required string EventName { get; init; }

    /// <summary><c>X-Gitlab-Event-UUID</c>, echoed on the API calls made while handling the delivery.</summary>
    public string? EventUuid { get; init; }

    public long? ProjectId { get; init; }

    /// <summary>The issue the event is about; null for events that are about no single issue (each is then its own batch).</summary>
    public long? IssueIid { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The raw JSON body (may be several MiB).</summary>
    public required string Payload { get; init; }
}

namespace IssueHygiene.Storage.Deliveries;

/// <summary>
/// Every ready delivery of one issue (oldest first), held by one worker until <see cref="ExpiresAt"/>.
/// Pass <see cref="ClaimToken"/> to complete, fail, release or extend it.
/// </summary>
public sealed record ClaimedBatch(
    string ClaimToken,
    string WorkerId,
    long? ProjectId,
    long? IssueIid,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<ClaimedDelivery> Deliveries);

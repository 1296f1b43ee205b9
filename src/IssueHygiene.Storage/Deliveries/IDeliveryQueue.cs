namespace IssueHygiene.Storage.Deliveries;

/// <summary>
/// The durable webhook queue. A delivery is committed durably before <see cref="EnqueueAsync"/>
/// returns (acknowledge GitLab only after it), deduplicated on its <c>Idempotency-Key</c>, and handed
/// to workers per issue: a claim returns every ready delivery of one issue, and no two workers
/// ever hold deliveries of the same issue at once.
/// </summary>
public interface IDeliveryQueue
{
    /// <summary>Stores a delivery unless one with the same idempotency key is already known (pending, done or dead).</summary>
    Task<EnqueueOutcome> EnqueueAsync(NewDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims all ready deliveries of the issue whose oldest ready delivery is the oldest in the queue,
    /// for <paramref name="visibilityTimeout"/>; a claim that is neither completed, failed, released nor
    /// extended in that time becomes claimable again (the worker is presumed dead).
    /// Returns <c>null</c> when nothing is ready.
    /// </summary>
    Task<ClaimedBatch?> ClaimAsync(string workerId, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Pushes a live claim's expiry to now + <paramref name="visibilityTimeout"/> (long evaluations).</summary>
    Task<ClaimOutcome> ExtendClaimAsync(string claimToken, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Marks the claim's deliveries done. <see cref="ClaimOutcome.ClaimLost"/> when another worker has taken them over.</summary>
    Task<ClaimOutcome> CompleteAsync(string claimToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: each delivery of the claim is retried after the policy's exponential
    /// backoff, or dead-lettered once it has had <see cref="RetryPolicy.MaxAttempts"/> attempts.
    /// </summary>
    Task<FailOutcome> FailAsync(string claimToken, string error, RetryPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim back unprocessed (graceful shutdown): ready again at once, and the attempt is not counted.</summary>
    Task<ClaimOutcome> ReleaseAsync(string claimToken, CancellationToken cancellationToken = default);

    Task<DeliveryRecord?> GetAsync(long deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Dead letters, newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Puts a dead letter back in the queue with a fresh attempt count; false if it is not dead.</summary>
    Task<bool> RequeueDeadLetterAsync(long deliveryId, CancellationToken cancellationToken = default);

    Task<QueueCounts> GetCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes done deliveries received before <paramref name="receivedBefore"/>. Their idempotency keys
    /// are forgotten with them, so keep them longer than GitLab could resend (days, not minutes).
    /// </summary>
    Task<int> PurgeDoneAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);
}

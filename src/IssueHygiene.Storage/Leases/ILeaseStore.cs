namespace IssueHygiene.Storage.Leases;

/// <summary>
/// Named leases (e.g. <c>nightly-sweep</c>) so only one replica does a job; a holder that dies stops
/// renewing and its lease expires for another to take.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes the lease if it is free, expired, or already ours (then it is extended).</summary>
    Task<LeaseAcquisition> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Extends our live lease to now + <paramref name="ttl"/>; false if it expired or someone else holds it.</summary>
    Task<bool> RenewAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Gives our lease up; false if we did not hold it.</summary>
    Task<bool> ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>The lease's current row, live or expired; null if never taken or released.</summary>
    Task<Lease?> GetAsync(string name, CancellationToken cancellationToken = default);
}

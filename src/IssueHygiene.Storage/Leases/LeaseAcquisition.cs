namespace IssueHygiene.Storage.Leases;

/// <summary>Result of <see cref="ILeaseStore.TryAcquireAsync"/>: whether we hold it now, and the lease as it stands.</summary>
public sealed record LeaseAcquisition(bool Acquired, Lease Current);

using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Processing;

/// <summary>
/// The per-issue write lock every writer takes (sweep, webhook worker, lint; in this process or another replica):
/// a storage lease named <c>issue:PROJECT:IID</c>. Delivery claims already keep two workers off one issue, but the
/// sweep does not claim deliveries, so without this a sweep on one replica and a worker on another could both find
/// no lint note and both create one. Only taken when there is something to write, so the clean steady state costs
/// nothing. The lease is short and renewed while held (a write may wait long for a rate-limit slot), so a replica
/// killed while holding it blocks that one issue for at most <see cref="Ttl"/>.
/// </summary>
public sealed class IssueWriteLock : IAsyncDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    /// <summary>How long a writer waits for another writer of the same issue before it gives up (and retries later).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly Scheduling.LeaseHolder _lease;
    private readonly CancellationTokenSource _renewing = new();
    private readonly Task _renewal;

    private IssueWriteLock(Scheduling.LeaseHolder lease, TimeProvider time, bool followsAnotherWriter)
    {
        _lease = lease;
        FollowsAnotherWriter = followsAnotherWriter;
        // A store that is unreachable lets the lease lapse rather than fail the write (the next holder's re-plan
        // converges).
        _renewal = lease.KeepRenewedAsync(time, _renewing.Token, tolerateStoreErrors: true);
    }

    public static string LeaseName(long projectId, long iid) => $"issue:{projectId}:{iid}";

    /// <summary>
    /// True when another writer held (or had held without releasing) this lock just before it was taken. That writer
    /// may have died between its write to GitLab and its records (lint-note index, audit log), so whoever follows it
    /// must read GitLab's current state rather than trust a snapshot and the records.
    /// </summary>
    public bool FollowsAnotherWriter { get; }

    /// <summary>Waits for the issue's lock; null when another writer kept it for longer than <paramref name="wait"/>.</summary>
    public static async Task<IssueWriteLock?> AcquireAsync(ILeaseStore leases, long projectId, long iid, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        // A fresh holder per acquisition: two writers in one process must exclude each other too.
        var lease = new Scheduling.LeaseHolder(leases, LeaseName(projectId, iid), Ttl);
        var deadline = time.GetUtcNow() + wait;
        // A released lock leaves no row; a row here is a live writer or one that died holding the lock.
        var followsAnotherWriter = await leases.GetAsync(lease.Name, cancellationToken) is not null;
        while (true)
        {
            var acquisition = await lease.TryAcquireAsync(cancellationToken);
            if (acquisition.Acquired)
            {
                return new IssueWriteLock(lease, time, followsAnotherWriter);
            }

            followsAnotherWriter = true;

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _renewing.CancelAsync();
        await _renewal;
        _renewing.Dispose();
        await _lease.ReleaseAsync();
    }
}

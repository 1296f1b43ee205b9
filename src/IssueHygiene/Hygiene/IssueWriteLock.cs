using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Hygiene;

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

    private readonly ILeaseStore _leases;
    private readonly string _name;
    private readonly string _holder;
    private readonly CancellationTokenSource _renewing = new();
    private readonly Task _renewal;

    private IssueWriteLock(ILeaseStore leases, string name, string holder, TimeProvider time)
    {
        _leases = leases;
        _name = name;
        _holder = holder;
        _renewal = RenewAsync(time, _renewing.Token);
    }

    public static string LeaseName(long projectId, long iid) => $"issue:{projectId}:{iid}";

    /// <summary>Waits for the issue's lock; null when another writer kept it for longer than <paramref name="wait"/>.</summary>
    public static async Task<IssueWriteLock?> AcquireAsync(ILeaseStore leases, long projectId, long iid, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = LeaseName(projectId, iid);
        // A fresh holder per acquisition: two writers in one process must exclude each other too.
        var holder = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var acquisition = await leases.TryAcquireAsync(name, holder, Ttl, cancellationToken);
            if (acquisition.Acquired)
            {
                return new IssueWriteLock(leases, name, holder, time);
            }

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
        await _leases.ReleaseAsync(_name, _holder, CancellationToken.None);
    }

    private async Task RenewAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Ttl / 3, time, cancellationToken);
                await _leases.RenewAsync(_name, _holder, Ttl, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Released.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store is unreachable: the write goes on, and the lease may lapse (the re-plan under the next holder's
            // lock converges) rather than the write failing for a renewal.
        }
    }
}

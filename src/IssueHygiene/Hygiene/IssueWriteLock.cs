using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Hygiene;

/// <summary>
/// The per-issue write lock every writer takes (sweep, webhook worker, lint; in this process or another replica):
/// a storage lease named <c>issue:PROJECT:IID</c>. Delivery claims already keep two workers off one issue, but the
/// sweep does not claim deliveries, so without this a sweep on one replica and a worker on another could both find
/// no lint note and both create one. Only taken when there is something to write, so the clean steady state costs
/// nothing; a holder that dies frees it when its lease expires.
/// </summary>
public sealed class IssueWriteLock : IAsyncDisposable
{
    /// <summary>Longer than any single issue's writes (rate-limit waits included); a dead holder's lock frees after it.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly ILeaseStore _leases;
    private readonly string _name;
    private readonly string _holder;

    private IssueWriteLock(ILeaseStore leases, string name, string holder)
    {
        _leases = leases;
        _name = name;
        _holder = holder;
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
                return new IssueWriteLock(leases, name, holder);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _leases.ReleaseAsync(_name, _holder, CancellationToken.None);
}

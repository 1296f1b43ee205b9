using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Scheduling;

/// <summary>
/// One named storage lease as one holder sees it: take it, keep it renewed while work runs, give it up. The one lease
/// helper behind the sweep, the milestone plan, polling and the per-issue write lock, so the holder id and the renewal
/// loop are written once.
/// </summary>
public sealed class LeaseHolder(ILeaseStore leases, string name, TimeSpan ttl, string? holder = null)
{
    public string Name => name;

    /// <summary>This holder's id: machine, process and a random part (two holders in one process differ).</summary>
    public string Holder { get; } = holder ?? NewHolderId();

    public TimeSpan Ttl => ttl;

    public static string NewHolderId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public Task<LeaseAcquisition> TryAcquireAsync(CancellationToken cancellationToken) => leases.TryAcquireAsync(name, Holder, ttl, cancellationToken);

    public Task<bool> ReleaseAsync() => leases.ReleaseAsync(name, Holder, CancellationToken.None);

    /// <summary>
    /// Renews the lease every third of its TTL until <paramref name="cancellationToken"/> ends the work; returns false
    /// as soon as a renewal finds the lease lost (expired and taken), true when cancelled while still holding it.
    /// A store error is tolerated when <paramref name="tolerateStoreErrors"/> (the lease may lapse; the caller's own
    /// checks converge).
    /// </summary>
    public async Task<bool> KeepRenewedAsync(TimeProvider time, CancellationToken cancellationToken, bool tolerateStoreErrors = false)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ttl / 3, time, cancellationToken);
                if (!await leases.RenewAsync(name, Holder, ttl, cancellationToken))
                {
                    return false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception e) when (tolerateStoreErrors && e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while holding the lease (renewed throughout unless <paramref name="renew"/> is
    /// false, released after); false when another holder has it.
    /// </summary>
    public async Task<bool> RunIfAcquiredAsync(Func<CancellationToken, Task> work, TimeProvider time, CancellationToken cancellationToken, bool renew = true)
    {
        if (!(await TryAcquireAsync(cancellationToken)).Acquired)
        {
            return false;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = renew ? KeepRenewedAsync(time, renewing.Token, tolerateStoreErrors: true) : Task.FromResult(true);
        try
        {
            await work(cancellationToken);
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await ReleaseAsync();
        }
    }
}

namespace IssueHygiene.Worker;

/// <summary>
/// Wakes idle worker loops when the endpoint stores a delivery (so a delivery is picked up in milliseconds, not at the
/// next poll), and tells them when milestones changed.
/// </summary>
public sealed class LintWorkerSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);
    private int _catalogVersion;

    public int CatalogVersion => Volatile.Read(ref _catalogVersion);

    public void DeliveryQueued()
    {
        // Bounded: a sleeping loop needs one wake-up, not one per delivery.
        if (_queued.CurrentCount < 64)
        {
            _queued.Release();
        }
    }

    public void Dispose() => _queued.Dispose();

    public void CatalogChanged() => Interlocked.Increment(ref _catalogVersion);

    /// <summary>Waits for a queued delivery or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}

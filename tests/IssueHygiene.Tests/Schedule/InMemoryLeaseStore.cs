using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Tests.Schedule;

/// <summary>A lease store in memory on a given clock, with the storage contract's semantics (expiry, holder checks).</summary>
internal sealed class InMemoryLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Dictionary<string, Lease> _leases = [];

    public Task<LeaseAcquisition> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_leases)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var current) && current.Holder != holder && current.ExpiresAt > now)
            {
                return Task.FromResult(new LeaseAcquisition(false, current));
            }

            var lease = new Lease(name, holder, now, now + ttl);
            _leases[name] = lease;
            return Task.FromResult(new LeaseAcquisition(true, lease));
        }
    }

    public Task<bool> RenewAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_leases)
        {
            var now = time.GetUtcNow();
            if (!_leases.TryGetValue(name, out var current) || current.Holder != holder || current.ExpiresAt <= now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = current with { ExpiresAt = now + ttl };
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        lock (_leases)
        {
            return Task.FromResult(_leases.TryGetValue(name, out var current) && current.Holder == holder && _leases.Remove(name));
        }
    }

    public Task<Lease?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_leases)
        {
            return Task.FromResult(_leases.GetValueOrDefault(name));
        }
    }
}

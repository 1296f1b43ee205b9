using IssueHygiene.Storage.Leases;

namespace IssueHygiene.Storage.Sql;

internal sealed class SqlLeaseStore(SqlBackend backend, TimeProvider time) : ILeaseStore
{
    public async Task<LeaseAcquisition> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = time.GetUtcNow();
        return await backend.WriteAsync(async (connection, transaction, ct) =>
        {
            // One statement decides: a free, expired or own lease is (re)taken; a live foreign one is left alone.
            var taken = await Db.ExecuteAsync(connection, transaction, """
                INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (@name, @holder, @now, @expires)
                ON CONFLICT (name) DO UPDATE SET
                    acquired_at = CASE WHEN leases.holder = excluded.holder AND leases.expires_at > excluded.acquired_at
                                       THEN leases.acquired_at ELSE excluded.acquired_at END,
                    holder = excluded.holder,
                    expires_at = excluded.expires_at
                WHERE leases.expires_at <= excluded.acquired_at OR leases.holder = excluded.holder
                """, ct, ("@name", name), ("@holder", holder), ("@now", backend.ToDb(now)), ("@expires", backend.ToDb(now + ttl))) > 0;
            var current = await ReadAsync(connection, transaction, name, ct)
                ?? throw new InvalidOperationException($"{backend.Description}: lease '{name}' vanished inside its transaction");
            return new LeaseAcquisition(taken, current);
        }, cancellationToken);
    }

    public Task<bool> RenewAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = time.GetUtcNow();
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction,
                "UPDATE leases SET expires_at = @expires WHERE name = @name AND holder = @holder AND expires_at > @now",
                ct, ("@expires", backend.ToDb(now + ttl)), ("@name", name), ("@holder", holder), ("@now", backend.ToDb(now))) > 0, cancellationToken);
    }

    public Task<bool> ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM leases WHERE name = @name AND holder = @holder",
                ct, ("@name", name), ("@holder", holder)) > 0, cancellationToken);

    public Task<Lease?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        backend.ReadAsync((connection, ct) => ReadAsync(connection, null, name, ct), cancellationToken);

    private async Task<Lease?> ReadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string name, CancellationToken ct)
    {
        await using var command = Db.Command(connection, transaction, "SELECT name, holder, acquired_at, expires_at FROM leases WHERE name = @name").With("@name", name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Lease(reader.GetString(0), reader.GetString(1), backend.ReadTime(reader, 2), backend.ReadTime(reader, 3))
            : null;
    }
}

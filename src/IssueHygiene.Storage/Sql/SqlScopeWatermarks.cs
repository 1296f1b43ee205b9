using IssueHygiene.Storage.Sweeps;

namespace IssueHygiene.Storage.Sql;

internal sealed class SqlScopeWatermarks(SqlBackend backend, TimeProvider time) : IScopeWatermarks
{
    public Task<DateTimeOffset?> GetAsync(string scopeKey, CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, "SELECT watermark FROM scope_watermarks WHERE scope_key = @scope").With("@scope", scopeKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? backend.ReadTime(reader, 0) : (DateTimeOffset?)null;
        }, cancellationToken);

    public Task<bool> AdvanceAsync(string scopeKey, DateTimeOffset watermark, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeKey);
        var now = time.GetUtcNow();
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, """
                INSERT INTO scope_watermarks (scope_key, watermark, updated_at) VALUES (@scope, @watermark, @now)
                ON CONFLICT (scope_key) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at
                WHERE scope_watermarks.watermark < excluded.watermark
                """, ct, ("@scope", scopeKey), ("@watermark", backend.ToDb(watermark)), ("@now", backend.ToDb(now))) > 0, cancellationToken);
    }
}

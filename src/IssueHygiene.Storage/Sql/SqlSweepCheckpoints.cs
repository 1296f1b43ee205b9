using System.Data.Common;
using IssueHygiene.Storage.Sweeps;

namespace IssueHygiene.Storage.Sql;

internal sealed class SqlSweepCheckpoints(SqlBackend backend, TimeProvider time) : ISweepCheckpoints
{
    private const string Columns = "id, scope_key, started_at, updated_at, cursor, issues_seen, writes, status, finished_at, error";

    public async Task<SweepRun> StartAsync(string scopeKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scopeKey);
        var now = time.GetUtcNow();
        // Version 7: ids sort by start time, which keeps "latest run" queries and logs readable.
        var id = Guid.CreateVersion7(now).ToString("N");
        await backend.WriteAsync(async (connection, transaction, ct) =>
        {
            await Db.ExecuteAsync(connection, transaction,
                "UPDATE sweep_runs SET status = 'abandoned', finished_at = @now, updated_at = @now WHERE scope_key = @scope AND status IN ('running', 'failed')",
                ct, ("@now", backend.ToDb(now)), ("@scope", scopeKey));
            return await Db.ExecuteAsync(connection, transaction, """
                INSERT INTO sweep_runs (id, scope_key, started_at, updated_at, cursor, issues_seen, writes, status, finished_at, error)
                VALUES (@id, @scope, @now, @now, NULL, 0, 0, 'running', NULL, NULL)
                """, ct, ("@id", id), ("@scope", scopeKey), ("@now", backend.ToDb(now)));
        }, cancellationToken);
        return new SweepRun(id, scopeKey, now, now, null, SweepProgress.None, SweepStatus.Running, null, null);
    }

    public Task<bool> CheckpointAsync(string runId, string cursor, SweepProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(progress);
        var now = time.GetUtcNow();
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, """
                UPDATE sweep_runs SET cursor = @cursor, issues_seen = @seen, writes = @writes, updated_at = @now,
                    status = 'running', finished_at = NULL, error = NULL
                WHERE id = @id AND status IN ('running', 'failed')
                """, ct, ("@cursor", cursor), ("@seen", progress.IssuesSeen), ("@writes", progress.Writes),
                ("@now", backend.ToDb(now)), ("@id", runId)) > 0, cancellationToken);
    }

    public Task<bool> FinishAsync(string runId, SweepStatus status, string? error = null, CancellationToken cancellationToken = default)
    {
        var statusName = status switch
        {
            SweepStatus.Succeeded => "succeeded",
            SweepStatus.Failed => "failed",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a run finishes as Succeeded or Failed"),
        };
        var now = time.GetUtcNow();
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, """
                UPDATE sweep_runs SET status = @status, finished_at = @now, updated_at = @now, error = @error
                WHERE id = @id AND status = 'running'
                """, ct, ("@status", statusName), ("@now", backend.ToDb(now)), ("@error", error), ("@id", runId)) > 0, cancellationToken);
    }

    public async Task<SweepRun?> GetResumableAsync(string scopeKey, CancellationToken cancellationToken = default)
    {
        var latest = await backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null,
                $"SELECT {Columns} FROM sweep_runs WHERE scope_key = @scope AND status <> 'abandoned' ORDER BY started_at DESC, id DESC LIMIT 1")
                .With("@scope", scopeKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, cancellationToken);
        return latest is { Status: SweepStatus.Running or SweepStatus.Failed } ? latest : null;
    }

    public Task<SweepRun?> GetAsync(string runId, CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"SELECT {Columns} FROM sweep_runs WHERE id = @id").With("@id", runId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, cancellationToken);

    public Task<DateTimeOffset?> GetLastSuccessfulStartAsync(string scopeKey, CancellationToken cancellationToken = default) =>
        LatestSucceededStartAsync(scopeKey, "", cancellationToken);

    public Task<DateTimeOffset?> GetIncrementalBaseAsync(string scopeKey, CancellationToken cancellationToken = default) =>
        LatestSucceededStartAsync(scopeKey, " AND error IS NULL", cancellationToken);

    private Task<DateTimeOffset?> LatestSucceededStartAsync(string scopeKey, string condition, CancellationToken cancellationToken) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null,
                $"SELECT started_at FROM sweep_runs WHERE scope_key = @scope AND status = 'succeeded'{condition} ORDER BY started_at DESC LIMIT 1")
                .With("@scope", scopeKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? backend.ReadTime(reader, 0) : (DateTimeOffset?)null;
        }, cancellationToken);

    private SweepRun Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), backend.ReadTime(reader, 2), backend.ReadTime(reader, 3),
        reader.GetNullableString(4), new SweepProgress(reader.GetInt64(5), reader.GetInt64(6)),
        reader.GetString(7) switch
        {
            "running" => SweepStatus.Running,
            "succeeded" => SweepStatus.Succeeded,
            "failed" => SweepStatus.Failed,
            _ => SweepStatus.Abandoned,
        },
        backend.ReadNullableTime(reader, 8), reader.GetNullableString(9));
}

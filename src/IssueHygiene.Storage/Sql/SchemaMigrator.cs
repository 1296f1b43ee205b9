using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Storage.Sql;

/// <summary>
/// Brings the schema to the newest version this build knows, in one transaction (both SQLite and
/// PostgreSQL have transactional DDL, so a crash mid-migration leaves the old version intact).
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)";

    public static async Task<int> MigrateAsync(SqlBackend backend, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var known = backend.Migrations.Count;
        var (from, to) = await backend.WriteAsync(async (connection, transaction, ct) =>
        {
            await backend.LockSchemaAsync(connection, transaction, ct);
            await Db.ExecuteAsync(connection, transaction, CreateVersionTable, ct);
            var current = await ReadVersionAsync(connection, transaction, ct);
            if (current > known)
            {
                throw new StorageSchemaTooNewException(backend.Description, current, known);
            }

            for (var version = current + 1; version <= known; version++)
            {
                await Db.ExecuteAsync(connection, transaction, backend.Migrations[version - 1], ct);
                await Db.ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", ct,
                    ("@version", version), ("@at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            }

            return (current, known);
        }, cancellationToken);

        if (from != to)
        {
            StorageLog.SchemaMigrated(logger, backend.Description, from, to);
        }
        else
        {
            StorageLog.SchemaCurrent(logger, backend.Description, to);
        }

        return to;
    }

    public static Task<int> GetVersionAsync(SqlBackend backend, CancellationToken cancellationToken) =>
        backend.ReadAsync((connection, ct) => ReadVersionAsync(connection, null, ct), cancellationToken);

    private static async Task<int> ReadVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = Db.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

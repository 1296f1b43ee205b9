using System.Data.Common;
using System.Net.Sockets;
using IssueHygiene.Storage.Sql;
using Npgsql;

namespace IssueHygiene.Storage.Postgres;

/// <summary>
/// PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>: each operation takes a connection, each
/// write is a READ COMMITTED transaction. Claims use <c>FOR UPDATE SKIP LOCKED</c> plus a per-issue
/// transaction-scoped advisory lock, so several replicas share the queue without blocking each other.
/// </summary>
internal sealed class PostgresBackend : SqlBackend
{
    // Arbitrary, fixed: the advisory lock id that serializes schema migration between replicas.
    private const long SchemaLockId = 0x1551_E4F6_1E5C_4E3A;
    private const int MaxTransientRetries = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _username;
    private readonly string _database;

    public PostgresBackend(string connectionString, StorageDurability durability)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new StorageUnavailableException($"PostgreSQL store: Storage:ConnectionString is not a valid Npgsql connection string ({e.Message})", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StorageUnavailableException("PostgreSQL store: Storage:ConnectionString has no Host");
        }

        _username = builder.Username ?? Environment.UserName;
        _database = builder.Database ?? _username;
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})";
        Description = $"PostgreSQL store {builder.Host}:{builder.Port}/{_database}{schema}";
        if (durability == StorageDurability.Relaxed)
        {
            builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim();
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Description { get; }

    public override IReadOnlyList<string> Migrations => PostgresMigrations.All;

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override string CandidateLockClause => "FOR UPDATE OF d SKIP LOCKED";

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await Db.ExecuteAsync(connection, null, "SELECT 1", cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    public override async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await work(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (e.IsTransient && attempt < MaxTransientRetries)
            {
                // Deadlock or serialization failure: the transaction was rolled back whole, so run it again.
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw Translate(e);
            }
        }
    }

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override string TryLockIssueExpression(string issueKeyColumn) => $"pg_try_advisory_xact_lock(hashtextextended({issueKeyColumn}, 0))";

    public override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await Db.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@id)", cancellationToken, ("@id", SchemaLockId));

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private StorageUnavailableException Translate(Exception e)
    {
        var cause = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
                $"authentication failed for user '{_username}' (wrong password)",
            PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
                $"the server refused user '{_username}' ({pg.MessageText})",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"database '{_database}' does not exist",
            PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } =>
                "the server has no free connection slots",
            PostgresException pg => $"server error {pg.SqlState}: {pg.MessageText}",
            _ when FindInner<SocketException>(e) is { } socket =>
                $"cannot connect ({socket.SocketErrorCode}: {socket.Message}); is the server running and reachable?",
            TimeoutException or NpgsqlException { InnerException: TimeoutException } =>
                "timed out (connecting or waiting for the server)",
            _ => e.Message,
        };
        return new StorageUnavailableException($"{Description}: {cause}", e);
    }

    private static T? FindInner<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}

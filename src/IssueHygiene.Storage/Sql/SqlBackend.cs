using System.Data.Common;

namespace IssueHygiene.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL underneath the shared SQL: connections and their
/// locking, how time is stored, row-lock clauses, per-issue claim locks and the DDL. Everything else
/// (the queue's semantics) is written once in the <c>Sql*</c> components, so both stores pass the
/// same contract suite by construction rather than by keeping two copies in step.
/// </summary>
internal abstract class SqlBackend : IAsyncDisposable
{
    /// <summary>Names the store in errors and logs (provider and path or host); never contains a password.</summary>
    public abstract string Description { get; }

    /// <summary>DDL of each schema version in order: element i brings the schema to version i + 1.</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Row-lock clause for a claim's inner select (empty where the whole write is serialized).</summary>
    public abstract string SkipLockedClause { get; }

    /// <summary>
    /// Row-lock clause for the claim's candidate query over alias <c>d</c>: concurrent claimers skip
    /// each other's candidates instead of all racing for the same oldest issue.
    /// </summary>
    public abstract string CandidateLockClause { get; }

    /// <summary>
    /// SQL boolean expression that takes the per-issue claim lock on <paramref name="issueKeyColumn"/>
    /// for the rest of the transaction without waiting (false when another transaction is claiming
    /// that issue right now).
    /// </summary>
    public abstract string TryLockIssueExpression(string issueKeyColumn);

    /// <summary>Connects once and applies session settings; throws <see cref="StorageUnavailableException"/> naming the cause.</summary>
    public abstract Task OpenAsync(CancellationToken cancellationToken);

    public abstract Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a write transaction and commits it (durably, as configured) before returning.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// A command for a statement run once per issue on hot paths (a sweep's look-ups). Dispose it as usual. The base
    /// gives a new command each time; SQLite, with its one connection, keeps the statement parsed between uses.
    /// </summary>
    public virtual DbCommand FrequentCommand(DbConnection connection, DbTransaction? transaction, string sql) => Db.Command(connection, transaction, sql);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Serializes schema migration between replicas starting at the same time.</summary>
    public abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public object ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : DBNull.Value;
}

using System.Data.Common;
using System.Globalization;
using IssueHygiene.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace IssueHygiene.Storage.Sqlite;

/// <summary>
/// One SQLite file in WAL mode through one connection, serialized by a gate: SQLite has a single
/// writer anyway, and one connection means no SQLITE_BUSY between our own threads. Write
/// transactions are <c>BEGIN IMMEDIATE</c> so another process on the same file waits (busy timeout)
/// instead of failing half-way.
/// </summary>
internal sealed class SqliteBackend : SqlBackend
{
    private const int BusyTimeoutSeconds = 30;
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly StorageDurability _durability;
    private readonly Dictionary<string, ReusedCommand> _frequent = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public SqliteBackend(string connectionString, StorageDurability durability)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new StorageUnavailableException($"SQLite store: Storage:ConnectionString is not a valid SQLite connection string ({e.Message})", e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            // Never a silent in-memory store: it would lose every queued delivery on restart.
            throw new StorageUnavailableException(
                "SQLite store: Storage:ConnectionString must name a database file (Data Source=PATH); an in-memory database is not durable");
        }

        Path = System.IO.Path.GetFullPath(builder.DataSource);
        builder.DataSource = Path;
        builder.Pooling = false;
        builder.DefaultTimeout = BusyTimeoutSeconds;
        _connectionString = builder.ToString();
        _durability = durability;
        Description = $"SQLite store '{Path}'";
    }

    public string Path { get; }

    public override string Description { get; }

    public override IReadOnlyList<string> Migrations => SqliteMigrations.All;

    public override string SkipLockedClause => "";

    public override string CandidateLockClause => "";

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return;
        }

        CheckFileSystem();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Reading the schema makes SQLite read the file header: a file that is not a database
            // fails here, at start-up, rather than on the first delivery.
            await Db.ExecuteAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master", cancellationToken);
            // SQLite falls back to read-only without an error (write-protected file, read-only mount,
            // Mode=ReadOnly); the queue would then fail on its first write, long after start-up.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw new StorageUnavailableException($"{Description}: the database opened read-only (file, directory or mount not writable, or Mode=ReadOnly); the queue must be able to write it");
            }

            await using (var wal = Db.Command(connection, null, "PRAGMA journal_mode=WAL"))
            {
                var mode = Convert.ToString(await wal.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StorageUnavailableException($"{Description}: cannot switch to WAL journal mode (got '{mode}'); is the file or its directory read-only?");
                }
            }

            var synchronous = _durability == StorageDurability.Full ? "FULL" : "NORMAL";
            await Db.ExecuteAsync(connection, null,
                $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON", cancellationToken);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw Translate(e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _connection = connection;
    }

    public override async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work(Connection, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Not deferred: BEGIN IMMEDIATE takes the write lock up front.
            await using var transaction = Connection.BeginTransaction(deferred: false);
            var result = await work(Connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// One command per SQL text for the connection's life: SQLite parses and plans the statement once instead of on
    /// every issue of a sweep. Safe because the gate runs one operation at a time on the one connection.
    /// </summary>
    public override DbCommand FrequentCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        if (!_frequent.TryGetValue(sql, out var command))
        {
            command = new ReusedCommand(sql, (SqliteConnection)connection);
            _frequent.Add(sql, command);
        }

        command.Transaction = (SqliteTransaction?)transaction;
        return command;
    }

    public override object ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    // The whole write transaction already holds SQLite's single write lock.
    public override string TryLockIssueExpression(string issueKeyColumn) => "1";

    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _frequent.Values)
        {
            command.Release();
        }

        _frequent.Clear();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        _gate.Dispose();
    }

    private SqliteConnection Connection =>
        _connection ?? throw new InvalidOperationException($"{Description}: call InitializeAsync before using the store");

    private void CheckFileSystem()
    {
        var directory = System.IO.Path.GetDirectoryName(Path) ?? ".";
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"{Description}: cannot create the directory '{directory}' ({e.Message})", e);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Checked by mode bits, not by trying: SQLite opens a write-protected file read-only without
        // a word, and root could write it anyway; a file marked read-only is the operator's "no".
        if (File.Exists(Path) && (File.GetUnixFileMode(Path) & AnyWrite) == 0)
        {
            throw new StorageUnavailableException($"{Description}: the database file is read-only; the queue must be able to write it");
        }

        if ((File.GetUnixFileMode(directory) & AnyWrite) == 0)
        {
            throw new StorageUnavailableException(
                $"{Description}: the directory '{directory}' is read-only; SQLite in WAL mode must create its -wal and -shm files there");
        }
    }

    private StorageUnavailableException Translate(SqliteException e)
    {
        var cause = e.SqliteErrorCode switch
        {
            SQLitePCL.raw.SQLITE_NOTADB => "the file is not an SQLite database (corrupt, or another kind of file)",
            SQLitePCL.raw.SQLITE_CORRUPT => "the database file is corrupt",
            SQLitePCL.raw.SQLITE_READONLY => "the database is read-only (file, directory or mount not writable, or Mode=ReadOnly)",
            SQLitePCL.raw.SQLITE_CANTOPEN => "the database file cannot be opened (missing directory or no permission)",
            SQLitePCL.raw.SQLITE_PERM => "permission denied",
            SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => "the database stayed locked by another connection or process",
            SQLitePCL.raw.SQLITE_FULL => "the disk is full",
            SQLitePCL.raw.SQLITE_IOERR => "I/O error",
            _ => "SQLite error",
        };
        return new StorageUnavailableException($"{Description}: {cause} (SQLite error {e.SqliteErrorCode}: {e.Message})", e);
    }

    /// <summary>A command whose disposal only clears its parameters: its prepared statement stays for the next use.</summary>
    private sealed class ReusedCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        public void Release() => base.Dispose(true);

        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose",
            Justification = "Keeping the prepared statement past the caller's using is the point; Release disposes it when the backend closes.")]
        protected override void Dispose(bool disposing) => Parameters.Clear();
    }
}

using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Sql;
using IssueHygiene.Storage.Sweeps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IssueHygiene.Storage.Postgres;

/// <summary>A PostgreSQL database shared by several replicas (claims with <c>FOR UPDATE SKIP LOCKED</c>).</summary>
public sealed class PostgresHygieneStore : IHygieneStore
{
    private readonly SqlStoreCore _core;

    /// <exception cref="StorageUnavailableException">The connection string is unusable.</exception>
    public PostgresHygieneStore(string connectionString, TimeProvider timeProvider, StorageDurability durability = StorageDurability.Full, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _core = new SqlStoreCore(new PostgresBackend(connectionString, durability), timeProvider, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public string Description => _core.Backend.Description;

    public IDeliveryQueue Deliveries => _core.Deliveries;

    public ILintNoteIndex LintNotes => _core.LintNotes;

    public IAuditLog Audit => _core.Audit;

    public ISweepCheckpoints Sweeps => _core.Sweeps;

    public IScopeWatermarks Watermarks => _core.Watermarks;

    public Health.ITrackerHealth Health => _core.Health;

    public ILeaseStore Leases => _core.Leases;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _core.InitializeAsync(cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => _core.GetSchemaVersionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _core.DisposeAsync();
}

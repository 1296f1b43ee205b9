using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Sweeps;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Storage.Sql;

/// <summary>The components over one backend; the public stores delegate to it.</summary>
internal sealed class SqlStoreCore(SqlBackend backend, TimeProvider time, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("IssueHygiene.Storage");

    public SqlBackend Backend => backend;

    private readonly SqlDeliveryQueue _deliveries = new(backend, time, loggerFactory.CreateLogger<SqlDeliveryQueue>());

    public IDeliveryQueue Deliveries => _deliveries;

    public ILintNoteIndex LintNotes { get; } = new SqlLintNoteIndex(backend);

    public IAuditLog Audit { get; } = new SqlAuditLog(backend);

    public ISweepCheckpoints Sweeps { get; } = new SqlSweepCheckpoints(backend, time);

    public IScopeWatermarks Watermarks { get; } = new SqlScopeWatermarks(backend, time);

    public ILeaseStore Leases { get; } = new SqlLeaseStore(backend, time);

    public ITrackerHealth Health { get; } = new SqlTrackerHealth(backend);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await backend.OpenAsync(cancellationToken);
        await SchemaMigrator.MigrateAsync(backend, time, _logger, cancellationToken);
        StorageLog.StoreOpened(_logger, backend.Description);
    }

    /// <summary>Lets accepted enqueues commit, then closes the backend.</summary>
    public async ValueTask DisposeAsync()
    {
        await _deliveries.DisposeAsync();
        await backend.DisposeAsync();
    }

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => SchemaMigrator.GetVersionAsync(backend, cancellationToken);
}

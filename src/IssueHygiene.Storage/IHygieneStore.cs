using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Sweeps;

namespace IssueHygiene.Storage;

/// <summary>
/// One durable store (an SQLite file or a PostgreSQL database) and the parts of it the service uses.
/// Call <see cref="InitializeAsync"/> once at start-up before anything else: it opens the store,
/// creates or migrates the schema and throws <see cref="StorageUnavailableException"/> when it cannot.
/// </summary>
public interface IHygieneStore : IAsyncDisposable
{
    /// <summary>Human-readable name of the store for logs and errors, e.g. <c>SQLite store './data/issue-hygiene.db'</c>.</summary>
    string Description { get; }

    IDeliveryQueue Deliveries { get; }

    ILintNoteIndex LintNotes { get; }

    IAuditLog Audit { get; }

    ISweepCheckpoints Sweeps { get; }

    IScopeWatermarks Watermarks { get; }

    ILeaseStore Leases { get; }

    /// <summary>Run history, current findings and summary issues (the summary issue and the dashboard).</summary>
    ITrackerHealth Health { get; }

    /// <summary>Opens the store and creates or migrates its schema; idempotent and safe from several replicas at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version the database is at (after <see cref="InitializeAsync"/>).</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);
}

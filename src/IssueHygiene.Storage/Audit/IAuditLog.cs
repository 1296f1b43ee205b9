using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Storage.Audit;

/// <summary>Every write to GitLab, made or (dry run) planned, for the report and <c>/status</c>.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry and returns its id.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Appends several entries in one transaction (one durable commit) and returns their ids, in order.</summary>
    Task<IReadOnlyList<long>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many entries of each kind in [from, to) (every kind present, zero when none).</summary>
    Task<IReadOnlyDictionary<WriteKind, long>> CountByKindAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

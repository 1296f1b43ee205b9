using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Storage.Audit;

namespace IssueHygiene.Storage.Sql;

internal sealed class SqlAuditLog(SqlBackend backend) : IAuditLog
{
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        (await AppendManyAsync([entry], cancellationToken))[0];

    public Task<IReadOnlyList<long>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.Source);
        }

        return backend.WriteAsync<IReadOnlyList<long>>(async (connection, transaction, ct) =>
        {
            var ids = new List<long>(entries.Count);
            foreach (var entry in entries)
            {
                ids.Add(await InsertAsync(connection, transaction, entry, ct));
            }

            return ids;
        }, cancellationToken);
    }

    private async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken ct)
    {
        await using var command = Db.Command(connection, transaction, """
            INSERT INTO audit_log (occurred_at, project_id, issue_iid, rules, kind, dry_run, source, outcome, error_message, detail)
            VALUES (@at, @project, @iid, @rules, @kind, @dry_run, @source, @outcome, @error, @detail)
            RETURNING id
            """)
            .With("@at", backend.ToDb(entry.OccurredAt)).With("@project", entry.ProjectId).With("@iid", entry.IssueIid)
            .With("@rules", JsonSerializer.Serialize(entry.Rules.ToArray(), StorageJsonContext.Default.StringArray)).With("@kind", entry.Kind.Name())
            .With("@dry_run", entry.DryRun).With("@source", entry.Source)
            .With("@outcome", entry.Outcome == AuditOutcome.Ok ? "ok" : "error")
            .With("@error", entry.ErrorMessage).With("@detail", entry.Detail);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var sql = new StringBuilder("SELECT id, occurred_at, project_id, issue_iid, rules, kind, dry_run, source, outcome, error_message, detail FROM audit_log WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Filter(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (query.From is { } from) Filter("occurred_at >= @from", "@from", backend.ToDb(from));
        if (query.To is { } to) Filter("occurred_at < @to", "@to", backend.ToDb(to));
        if (query.ProjectId is { } project) Filter("project_id = @project", "@project", project);
        if (query.IssueIid is { } iid) Filter("issue_iid = @iid", "@iid", iid);
        if (query.Source is { } source) Filter("source = @source", "@source", source);
        sql.Append(" ORDER BY occurred_at, id LIMIT @limit");
        parameters.Add(("@limit", query.Limit));

        return backend.ReadAsync<IReadOnlyList<AuditRecord>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, sql.ToString());
            foreach (var (name, value) in parameters)
            {
                command.With(name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var records = new List<AuditRecord>();
            while (await reader.ReadAsync(ct))
            {
                records.Add(Read(reader));
            }

            return records;
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<WriteKind, long>> CountByKindAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyDictionary<WriteKind, long>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, "SELECT kind, COUNT(*) FROM audit_log WHERE occurred_at >= @from AND occurred_at < @to GROUP BY kind")
                .With("@from", backend.ToDb(from)).With("@to", backend.ToDb(to));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var counts = Enum.GetValues<WriteKind>().ToDictionary(kind => kind, _ => 0L);
            while (await reader.ReadAsync(ct))
            {
                if (WriteKindNames.TryParse(reader.GetString(0), out var kind))
                {
                    counts[kind.Value] = reader.GetInt64(1);
                }
            }

            return counts;
        }, cancellationToken);

    private AuditRecord Read(DbDataReader reader)
    {
        var kindName = reader.GetString(5);
        if (!WriteKindNames.TryParse(kindName, out var kind))
        {
            throw new InvalidOperationException($"{backend.Description}: unknown audit kind '{kindName}'");
        }

        return new AuditRecord(reader.GetInt64(0), new AuditEntry
        {
            OccurredAt = backend.ReadTime(reader, 1),
            ProjectId = reader.GetInt64(2),
            IssueIid = reader.GetInt64(3),
            Rules = JsonSerializer.Deserialize(reader.GetString(4), StorageJsonContext.Default.StringArray) ?? [],
            Kind = kind.Value,
            DryRun = reader.GetBoolean(6),
            Source = reader.GetString(7),
            Outcome = reader.GetString(8) == "ok" ? AuditOutcome.Ok : AuditOutcome.Error,
            ErrorMessage = reader.GetNullableString(9),
            Detail = reader.GetNullableString(10),
        });
    }
}

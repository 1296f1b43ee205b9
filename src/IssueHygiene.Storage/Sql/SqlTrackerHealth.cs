using System.Data.Common;
using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Storage.Sql;

/// <summary>The tracker's health (run history, current findings, summary issues) over either backend: one SQL text for both.</summary>
internal sealed class SqlTrackerHealth(SqlBackend backend) : ITrackerHealth
{
    private const string RunColumns = "id, scope_key, finished_at, issues, findings, writes, writes_by_kind, dry_run, budget_exhausted";
    private const string FindingColumns = "project_id, issue_iid, rule_id, severity, project_path, assignee, web_url, title";

    public Task RecordRunAsync(HealthRun run, IReadOnlyList<HealthTotal> totals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Id);
        ArgumentNullException.ThrowIfNull(totals);
        return backend.WriteAsync(async (connection, transaction, ct) =>
        {
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM health_totals WHERE run_id = @id", ct, ("@id", run.Id));
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM health_runs WHERE id = @id", ct, ("@id", run.Id));
            await Db.ExecuteAsync(connection, transaction, $"""
                INSERT INTO health_runs ({RunColumns})
                VALUES (@id, @scope, @finished, @issues, @findings, @writes, @by_kind, @dry_run, @budget)
                """, ct, ("@id", run.Id), ("@scope", run.ScopeKey), ("@finished", backend.ToDb(run.FinishedAt)), ("@issues", run.Issues),
                ("@findings", run.Findings), ("@writes", run.Writes), ("@by_kind", run.WritesByKind), ("@dry_run", run.DryRun),
                ("@budget", run.BudgetExhausted));
            foreach (var total in totals)
            {
                await Db.ExecuteAsync(connection, transaction, """
                    INSERT INTO health_totals (run_id, rule_id, project_path, assignee, severity, count)
                    VALUES (@id, @rule, @project, @assignee, @severity, @count)
                    """, ct, ("@id", run.Id), ("@rule", total.Rule), ("@project", total.Project), ("@assignee", total.Assignee),
                    ("@severity", total.Severity), ("@count", total.Count));
            }

            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<HealthRun>> ListRunsAsync(string? scopeKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return backend.ReadAsync<IReadOnlyList<HealthRun>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"""
                SELECT {RunColumns} FROM health_runs WHERE (@scope IS NULL OR scope_key = @scope)
                ORDER BY finished_at DESC, id DESC LIMIT @limit
                """).With("@scope", scopeKey).With("@limit", limit);
            if (scopeKey is null)
            {
                // PostgreSQL cannot infer the type of a parameter that is only ever NULL.
                command.Parameters[0].DbType = System.Data.DbType.String;
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var runs = new List<HealthRun>();
            while (await reader.ReadAsync(ct))
            {
                runs.Add(ReadRun(reader));
            }

            return runs;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<HealthTotalRow>> ListTotalsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyList<HealthTotalRow>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, """
                SELECT r.id, r.scope_key, r.finished_at, t.rule_id, t.project_path, t.assignee, t.severity, t.count
                FROM health_totals t JOIN health_runs r ON r.id = t.run_id
                WHERE r.finished_at >= @since
                ORDER BY r.finished_at, r.id, t.rule_id, t.project_path, t.assignee, t.severity
                """).With("@since", backend.ToDb(since));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<HealthTotalRow>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new HealthTotalRow(reader.GetString(0), reader.GetString(1), backend.ReadTime(reader, 2),
                    new HealthTotal(reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt32(7))));
            }

            return rows;
        }, cancellationToken);

    public Task<IReadOnlyList<HealthTotal>> ListRunTotalsAsync(string runId, CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyList<HealthTotal>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, """
                SELECT rule_id, project_path, assignee, severity, count FROM health_totals WHERE run_id = @id
                ORDER BY rule_id, project_path, assignee, severity
                """).With("@id", runId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var totals = new List<HealthTotal>();
            while (await reader.ReadAsync(ct))
            {
                totals.Add(new HealthTotal(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }

            return totals;
        }, cancellationToken);

    public Task<int> PruneRunsAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        backend.WriteAsync(async (connection, transaction, ct) =>
        {
            await Db.ExecuteAsync(connection, transaction,
                "DELETE FROM health_totals WHERE run_id IN (SELECT id FROM health_runs WHERE finished_at < @before)", ct, ("@before", backend.ToDb(before)));
            return await Db.ExecuteAsync(connection, transaction, "DELETE FROM health_runs WHERE finished_at < @before", ct, ("@before", backend.ToDb(before)));
        }, cancellationToken);

    public Task<FindingChanges> ReplaceCurrentFindingsAsync(IReadOnlyList<IssueFindings> issues, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return issues.Count == 0
            ? Task.FromResult(default(FindingChanges))
            : backend.WriteAsync(async (connection, transaction, ct) =>
            {
                // Three commands for the whole batch, their parameters set per row: a sweep writes every issue's
                // findings, and SQLite parsing and planning the same statements again per row was most of that cost.
                await using var select = Db.Command(connection, transaction, "SELECT rule_id FROM current_findings WHERE project_id = @project AND issue_iid = @iid")
                    .With("@project", 0L).With("@iid", 0L);
                await using var delete = Db.Command(connection, transaction, "DELETE FROM current_findings WHERE project_id = @project AND issue_iid = @iid")
                    .With("@project", 0L).With("@iid", 0L);
                // Upsert, not a plain insert: the sweep and a webhook worker (another replica) may record the same
                // issue at once, and neither one's DELETE sees the rows the other has not committed yet.
                await using var insert = Db.Command(connection, transaction, $"""
                    INSERT INTO current_findings ({FindingColumns}, seen_at)
                    VALUES (@project, @iid, @rule, @severity, @path, @assignee, @url, @title, @seen)
                    ON CONFLICT (project_id, issue_iid, rule_id) DO UPDATE SET severity = excluded.severity,
                        project_path = excluded.project_path, assignee = excluded.assignee, web_url = excluded.web_url,
                        title = excluded.title, seen_at = excluded.seen_at
                    """).With("@project", 0L).With("@iid", 0L).With("@rule", "").With("@severity", "").With("@path", "").With("@assignee", "")
                    .With("@url", null).With("@title", null).With("@seen", backend.ToDb(seenAt));
                // PostgreSQL cannot infer the type of a parameter first bound as NULL.
                insert.Parameters[6].DbType = System.Data.DbType.String;
                insert.Parameters[7].DbType = System.Data.DbType.String;
                var changes = default(FindingChanges);
                var before = new HashSet<string>(StringComparer.Ordinal);
                foreach (var issue in issues)
                {
                    before.Clear();
                    SetIssue(select, issue);
                    await using (var reader = await select.ExecuteReaderAsync(ct))
                    {
                        while (await reader.ReadAsync(ct))
                        {
                            before.Add(reader.GetString(0));
                        }
                    }

                    var after = issue.Findings.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
                    changes += new FindingChanges(after.Count(r => !before.Contains(r)), before.Count(r => !after.Contains(r)));
                    SetIssue(delete, issue);
                    await delete.ExecuteNonQueryAsync(ct);

                    foreach (var finding in issue.Findings.DistinctBy(f => f.Rule))
                    {
                        SetIssue(insert, issue);
                        insert.Parameters[2].Value = finding.Rule;
                        insert.Parameters[3].Value = finding.Severity;
                        insert.Parameters[4].Value = finding.Project;
                        insert.Parameters[5].Value = finding.Assignee;
                        insert.Parameters[6].Value = (object?)finding.WebUrl ?? DBNull.Value;
                        insert.Parameters[7].Value = (object?)finding.Title ?? DBNull.Value;
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                }

                return changes;
            }, cancellationToken);
    }

    private static void SetIssue(DbCommand command, IssueFindings issue)
    {
        command.Parameters[0].Value = issue.ProjectId;
        command.Parameters[1].Value = issue.IssueIid;
    }

    public Task<int> RemoveUnseenFindingsAsync(IReadOnlyCollection<long> projectIds, DateTimeOffset seenBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        return projectIds.Count == 0
            ? Task.FromResult(0)
            : backend.WriteAsync(async (connection, transaction, ct) =>
            {
                var removed = 0;
                foreach (var project in projectIds)
                {
                    removed += await Db.ExecuteAsync(connection, transaction, "DELETE FROM current_findings WHERE project_id = @project AND seen_at < @before", ct,
                        ("@project", project), ("@before", backend.ToDb(seenBefore)));
                }

                return removed;
            }, cancellationToken);
    }

    public Task<IReadOnlyList<CurrentFinding>> ListCurrentFindingsAsync(CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyList<CurrentFinding>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"SELECT {FindingColumns} FROM current_findings ORDER BY project_id, issue_iid, rule_id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var findings = new List<CurrentFinding>();
            while (await reader.ReadAsync(ct))
            {
                findings.Add(new CurrentFinding(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetNullableString(6), reader.GetNullableString(7)));
            }

            return findings;
        }, cancellationToken);

    public Task<IReadOnlyList<Waiver>> ListWaiversInForceAsync(DateOnly today, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return backend.ReadAsync<IReadOnlyList<Waiver>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, """
                SELECT project_id, issue_iid, rule_id, until_date, reason, waived_by, waived_at FROM waivers
                WHERE until_date IS NULL OR until_date >= @today
                ORDER BY CASE WHEN until_date IS NULL THEN 1 ELSE 0 END, until_date, project_id, issue_iid, rule_id
                LIMIT @limit
                """).With("@today", today).With("@limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var waivers = new List<Waiver>();
            while (await reader.ReadAsync(ct))
            {
                waivers.Add(new Waiver(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.GetString(5), backend.ReadTime(reader, 6)));
            }

            return waivers;
        }, cancellationToken);
    }

    public Task<SummaryIssueRecord?> GetSummaryIssueAsync(string scopeKey, CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null,
                "SELECT scope_key, project_id, issue_iid, web_url, updated_at FROM summary_issues WHERE scope_key = @scope").With("@scope", scopeKey);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new SummaryIssueRecord(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetNullableString(3), backend.ReadTime(reader, 4))
                : null;
        }, cancellationToken);

    public Task RememberSummaryIssueAsync(SummaryIssueRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, """
                INSERT INTO summary_issues (scope_key, project_id, issue_iid, web_url, updated_at) VALUES (@scope, @project, @iid, @url, @at)
                ON CONFLICT (scope_key) DO UPDATE SET project_id = excluded.project_id, issue_iid = excluded.issue_iid,
                    web_url = excluded.web_url, updated_at = excluded.updated_at
                """, ct, ("@scope", record.ScopeKey), ("@project", record.ProjectId), ("@iid", record.IssueIid), ("@url", record.WebUrl),
                ("@at", backend.ToDb(record.UpdatedAt))), cancellationToken);
    }

    private HealthRun ReadRun(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), backend.ReadTime(reader, 2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
        reader.GetString(6), reader.GetBoolean(7), reader.GetBoolean(8));
}

using System.Data.Common;
using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Storage.Sql;

internal sealed class SqlLintNoteIndex(SqlBackend backend) : ILintNoteIndex
{
    private const string NoteColumns = "project_id, issue_iid, note_id, findings_hash, state, updated_at";
    private const string WaiverColumns = "project_id, issue_iid, rule_id, until_date, reason, waived_by, waived_at";

    public Task<LintNoteEntry?> GetAsync(long projectId, long issueIid, CancellationToken cancellationToken = default) =>
        backend.ReadAsync(async (connection, ct) =>
        {
            await using var command = backend.FrequentCommand(connection, null, $"SELECT {NoteColumns} FROM lint_notes WHERE project_id = @project AND issue_iid = @iid")
                .With("@project", projectId).With("@iid", issueIid);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? ReadNote(reader) : null;
        }, cancellationToken);

    public Task UpsertAsync(LintNoteEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.FindingsHash);
        return backend.WriteAsync((connection, transaction, ct) =>
            Db.ExecuteAsync(connection, transaction, """
                INSERT INTO lint_notes (project_id, issue_iid, note_id, findings_hash, state, updated_at)
                VALUES (@project, @iid, @note, @hash, @state, @updated)
                ON CONFLICT (project_id, issue_iid) DO UPDATE SET
                    note_id = excluded.note_id, findings_hash = excluded.findings_hash, state = excluded.state, updated_at = excluded.updated_at
                """, ct, ("@project", entry.ProjectId), ("@iid", entry.IssueIid), ("@note", entry.NoteId), ("@hash", entry.FindingsHash),
                ("@state", entry.State == LintNoteState.Open ? "open" : "resolved"), ("@updated", backend.ToDb(entry.UpdatedAt))),
            cancellationToken);
    }

    public Task<bool> RemoveAsync(long projectId, long issueIid, CancellationToken cancellationToken = default) =>
        backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM lint_notes WHERE project_id = @project AND issue_iid = @iid",
                ct, ("@project", projectId), ("@iid", issueIid)) > 0, cancellationToken);

    public Task<IReadOnlyList<LintNoteEntry>> ListOpenAsync(long projectId, CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyList<LintNoteEntry>>(async (connection, ct) =>
        {
            await using var command = Db.Command(connection, null, $"SELECT {NoteColumns} FROM lint_notes WHERE project_id = @project AND state = 'open' ORDER BY issue_iid")
                .With("@project", projectId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var entries = new List<LintNoteEntry>();
            while (await reader.ReadAsync(ct))
            {
                entries.Add(ReadNote(reader));
            }

            return entries;
        }, cancellationToken);

    public Task UpsertWaiverAsync(Waiver waiver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        ArgumentException.ThrowIfNullOrWhiteSpace(waiver.RuleId);
        return backend.WriteAsync((connection, transaction, ct) =>
            Db.ExecuteAsync(connection, transaction, """
                INSERT INTO waivers (project_id, issue_iid, rule_id, until_date, reason, waived_by, waived_at)
                VALUES (@project, @iid, @rule, @until, @reason, @by, @at)
                ON CONFLICT (project_id, issue_iid, rule_id) DO UPDATE SET
                    until_date = excluded.until_date, reason = excluded.reason, waived_by = excluded.waived_by, waived_at = excluded.waived_at
                """, ct, ("@project", waiver.ProjectId), ("@iid", waiver.IssueIid), ("@rule", waiver.RuleId),
                ("@until", waiver.Until is { } until ? until : DBNull.Value), ("@reason", waiver.Reason), ("@by", waiver.WaivedBy),
                ("@at", backend.ToDb(waiver.WaivedAt))),
            cancellationToken);
    }

    public Task<bool> RemoveWaiverAsync(long projectId, long issueIid, string ruleId, CancellationToken cancellationToken = default) =>
        backend.WriteAsync(async (connection, transaction, ct) =>
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM waivers WHERE project_id = @project AND issue_iid = @iid AND rule_id = @rule",
                ct, ("@project", projectId), ("@iid", issueIid), ("@rule", ruleId)) > 0, cancellationToken);

    public Task<IReadOnlyList<Waiver>> ListActiveWaiversAsync(long projectId, long issueIid, DateOnly today, CancellationToken cancellationToken = default) =>
        backend.ReadAsync<IReadOnlyList<Waiver>>(async (connection, ct) =>
        {
            // SQLite keeps dates as ISO text and PostgreSQL as date: both order correctly.
            await using var command = backend.FrequentCommand(connection, null, $"""
                SELECT {WaiverColumns} FROM waivers
                WHERE project_id = @project AND issue_iid = @iid AND (until_date IS NULL OR until_date >= @today)
                ORDER BY rule_id
                """).With("@project", projectId).With("@iid", issueIid).With("@today", today);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var waivers = new List<Waiver>();
            while (await reader.ReadAsync(ct))
            {
                waivers.Add(new Waiver(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                    reader.GetString(4), reader.GetString(5), backend.ReadTime(reader, 6)));
            }

            return waivers;
        }, cancellationToken);

    private LintNoteEntry ReadNote(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
        reader.GetString(4) == "open" ? LintNoteState.Open : LintNoteState.Resolved, backend.ReadTime(reader, 5));
}

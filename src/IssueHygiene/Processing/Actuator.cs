using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.LintNotes;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Processing;

/// <summary>
/// The only code that writes to an issue. Given a plan (hygiene, secret-leak, or both), it takes the issue's write
/// lock, plans again from GitLab's current state when the plan's basis may be stale, reserves the run's write budget,
/// and makes exactly the planned writes in order — or, in a dry run, records them. Every write, made, planned or
/// failed, goes to the audit log. A GitLab error ends this issue's plan and is returned, never thrown: the caller's
/// run goes on with the next issue.
/// </summary>
public sealed partial class Actuator(
    IGitLabIssueReader reader,
    IGitLabIssueWriter issues,
    IGitLabNoteWriter notes,
    IHygieneStore store,
    Core.Policy.RuleSet rules,
    TimeProvider time,
    ILogger<Actuator> logger)
{
    /// <summary>
    /// A snapshot older than this is read again under the write lock before writing: the bound on how stale the
    /// state a write is planned from may be (another writer's writes are caught by the audit log, at any age).
    /// </summary>
    public static readonly TimeSpan SnapshotFreshFor = TimeSpan.FromMinutes(5);

    /// <summary>Clock difference tolerated between replicas comparing audit times with a snapshot's read time.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private readonly string _resolvedHash = new LintNoteRenderer(rules).Resolved().Hash;

    /// <summary>
    /// The scope's summary issue write (planned in Core), with the same budget, dry-run and audit handling as an issue's.
    /// </summary>
    public Task<SummaryOutcome> ActOnSummaryAsync(Core.Summary.SummaryIssuePlan plan, ActContext context, CancellationToken cancellationToken) =>
        SummaryIssueActuation.ActAsync(issues, store, time, plan, context, cancellationToken);

    /// <summary>Finds the scope's summary issue (stored location, else its marker).</summary>
    public Task<Core.Summary.ExistingSummaryIssue?> FindSummaryIssueAsync(string scope, string title, long projectId, CancellationToken cancellationToken) =>
        SummaryIssueActuation.FindAsync(reader, store, scope, title, projectId, cancellationToken);

    public async Task<ActExecution> ActAsync(PlanBasis basis, WritePlan plan, Replanner replan, ActContext context, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return ActExecution.Nothing;
        }

        var issue = basis.Issue;
        if (context.DryRun)
        {
            // A dry run plans every write; the budget only notes where a live run would have stopped.
            context.Budget.TryReserve(plan.Writes.Count);
            foreach (var write in plan.Writes)
            {
                await AuditAsync(issue, write, context, null, cancellationToken);
            }

            return new ActExecution(plan.Writes, ActStatus.Planned);
        }

        // Writes happen under the issue's write lock: another writer (the sweep, a worker on another replica) may have
        // acted since the plan's snapshot was read, and then the plan is made again from GitLab's current state.
        await using var writeLock = await IssueWriteLock.AcquireAsync(store.Leases, issue.ProjectId, issue.Iid, IssueWriteLock.MaxWait, time, cancellationToken);
        if (writeLock is null)
        {
            return new ActExecution(plan.Writes, ActStatus.Failed, "another writer holds the issue's write lock");
        }

        try
        {
            if (await NeedsCurrentStateAsync(basis, plan, cancellationToken))
            {
                basis = await ReadAsync(issue, cancellationToken);
                plan = await replan(basis, true, cancellationToken);
                if (plan.IsEmpty)
                {
                    return ActExecution.Nothing;
                }
            }

            if (!context.Budget.TryReserve(plan.Writes.Count))
            {
                return new ActExecution(plan.Writes, ActStatus.BudgetExhausted);
            }

            try
            {
                await ExecuteAsync(basis.Issue, plan, context, cancellationToken);
            }
            catch (GitLabNotFoundException) when (plan.KeptNoteId is not null)
            {
                // The remembered lint note was deleted by someone (or the issue is gone): forget it and plan again from
                // what GitLab really has.
                await store.LintNotes.RemoveAsync(issue.ProjectId, issue.Iid, cancellationToken);
                basis = await ReadAsync(issue, cancellationToken);
                plan = await replan(basis, false, cancellationToken);
                await ExecuteAsync(basis.Issue, plan, context, cancellationToken);
            }

            return new ActExecution(plan.Writes, ActStatus.Written);
        }
        catch (GitLabNotFoundException e) when (IsPerIssue(e))
        {
            LogWriteFailed(logger, issue.ProjectId, issue.Iid, e.Message);
            return new ActExecution(plan.Writes, ActStatus.Gone, e.Message);
        }
        catch (Exception e) when (e is WriteRejectedException || (e is GitLabException gitLab && IsPerIssue(gitLab)))
        {
            LogWriteFailed(logger, issue.ProjectId, issue.Iid, e.Message);
            return new ActExecution(plan.Writes, ActStatus.Failed, e.Message);
        }
    }

    /// <summary>
    /// True for a GitLab error that concerns one issue (404, 403, 409, 422, 5xx after retries, a malformed body):
    /// false for those that mean no other issue would fare better (a rejected token, a transport failure after
    /// retries, rate limiting that never ended), which end the run.
    /// </summary>
    public static bool IsPerIssue(GitLabException exception) => exception switch
    {
        GitLabTransportException => false,
        GitLabApiException api => api.StatusCode is not (System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.TooManyRequests),
        _ => true,
    };

    /// <summary>
    /// Whether the plan must be made again from GitLab's current state: always when it replaces text a person may have
    /// edited (a redaction), when the snapshot is older than <see cref="SnapshotFreshFor"/>, or when another writer
    /// wrote to the issue after the snapshot was read (its audit entry is in the shared store before it releases the
    /// lock). A fresh snapshot nobody else touched costs no request.
    /// </summary>
    private async Task<bool> NeedsCurrentStateAsync(PlanBasis basis, WritePlan plan, CancellationToken cancellationToken)
    {
        if (plan.ReplacesText || time.GetUtcNow() - basis.ReadAt > SnapshotFreshFor)
        {
            return true;
        }

        var since = await store.Audit.QueryAsync(
            new AuditQuery { ProjectId = basis.Issue.ProjectId, IssueIid = basis.Issue.Iid, From = basis.ReadAt - ClockSkew, Limit = 50 },
            cancellationToken);
        return since.Any(r => !r.Entry.DryRun);
    }

    private async Task<PlanBasis> ReadAsync(IssueSnapshot issue, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var current = await reader.GetIssueAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken);
        return new PlanBasis(GitLabIssueMapper.ToSnapshot(current), readAt);
    }

    private async Task ExecuteAsync(IssueSnapshot issue, WritePlan plan, ActContext context, CancellationToken cancellationToken)
    {
        var project = IdOrPath.FromId(issue.ProjectId);
        foreach (var write in plan.Writes)
        {
            try
            {
                switch (write.Kind)
                {
                    case WriteKind.NoteCreate:
                        var created = await notes.CreateIssueNoteAsync(project, issue.Iid, write.NoteRequestBody(), write.Internal, cancellationToken);
                        if (created is not NoteCreateResult.Created { Note: var note })
                        {
                            throw new WriteRejectedException("note was not created: " + Describe(created));
                        }

                        if (write.IsLintNote)
                        {
                            await RememberAsync(issue, note.Id, plan.NoteHash!, cancellationToken);
                        }

                        break;
                    case WriteKind.NoteEdit:
                        await notes.UpdateIssueNoteAsync(project, issue.Iid, write.NoteId!.Value, write.Body!, cancellationToken);
                        if (write.IsLintNote)
                        {
                            await RememberAsync(issue, write.NoteId.Value, plan.NoteHash!, cancellationToken);
                        }

                        break;
                    case WriteKind.NoteDelete:
                        await DeleteIgnoringMissingAsync(project, issue.Iid, write.NoteId!.Value, cancellationToken);
                        break;
                    case WriteKind.QuickActions:
                        var commands = await notes.CreateIssueNoteAsync(project, issue.Iid, write.NoteRequestBody(), write.Internal, cancellationToken);
                        if (commands is NoteCreateResult.CommandsFailed failed)
                        {
                            throw new WriteRejectedException("quick actions failed: " + failed.Message);
                        }

                        break;
                    case WriteKind.RestUpdate:
                        await issues.UpdateIssueAsync(project, issue.Iid, ToIssueUpdate(write.Change!), cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"no executor for write kind {write.Kind}");
                }

                await AuditAsync(issue, write, context, null, cancellationToken);
                LogWrite(logger, write.Kind, issue.ProjectId, issue.Iid);
            }
            catch (Exception e) when (e is GitLabException or WriteRejectedException)
            {
                await AuditAsync(issue, write, context, e.Message, cancellationToken);
                throw;
            }
        }

        if (plan.KeptNoteId is { } kept && !plan.Writes.Any(w => w.Kind == WriteKind.NoteEdit && w.IsLintNote))
        {
            await RememberAsync(issue, kept, plan.NoteHash!, cancellationToken);
        }
    }

    private Task RememberAsync(IssueSnapshot issue, long noteId, string hash, CancellationToken cancellationToken) =>
        store.LintNotes.UpsertAsync(
            new LintNoteEntry(issue.ProjectId, issue.Iid, noteId, hash, hash == _resolvedHash ? LintNoteState.Resolved : LintNoteState.Open, time.GetUtcNow()),
            cancellationToken);

    private async Task DeleteIgnoringMissingAsync(IdOrPath project, long iid, long noteId, CancellationToken cancellationToken)
    {
        try
        {
            await notes.DeleteIssueNoteAsync(project, iid, noteId, cancellationToken);
        }
        catch (GitLabNotFoundException)
        {
            // Already gone: the goal (one note) holds.
        }
    }

    private async Task AuditAsync(IssueSnapshot issue, PlannedWrite write, ActContext context, string? error, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            ProjectId = issue.ProjectId,
            IssueIid = issue.Iid,
            Rules = write.Rules,
            Kind = write.Kind,
            DryRun = context.DryRun,
            Source = context.Source,
            Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
            ErrorMessage = error,
            Detail = Detail(write),
        };
        if (context.AuditBuffer is { } buffer)
        {
            lock (buffer)
            {
                buffer.Add(entry);
            }

            return;
        }

        await store.Audit.AppendAsync(entry, cancellationToken);
    }

    /// <summary>What the audit log keeps of a write: ids, commands and field names — never a note body or a text.</summary>
    public static string Detail(PlannedWrite write) => write.Kind switch
    {
        WriteKind.NoteEdit or WriteKind.NoteDelete => $"note {write.NoteId}",
        WriteKind.RestUpdate => string.Join(", ", write.Change!.Fields().Select(f => f.Key is "title" or "description" ? f.Key + " replaced" : $"{f.Key}={f.Value}")),
        WriteKind.NoteCreate when write.Internal => string.Join(" ", ["internal note", .. write.QuickActions]),
        _ => string.Join(" ", write.QuickActions),
    };

    private static IssueUpdate ToIssueUpdate(IssueChange change) => new()
    {
        AddLabels = change.AddLabels.Count > 0 ? change.AddLabels : null,
        RemoveLabels = change.RemoveLabels.Count > 0 ? change.RemoveLabels : null,
        MilestoneId = change.MilestoneId,
        Confidential = change.Confidential,
        Title = change.Title,
        Description = change.Description,
    };

    private static string Describe(NoteCreateResult result) => result switch
    {
        NoteCreateResult.CommandsOnly => "GitLab treated the body as quick actions only",
        NoteCreateResult.CommandsFailed failed => failed.Message,
        _ => result.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Kind} on project {ProjectId} issue {Iid}")]
    private static partial void LogWrite(ILogger logger, WriteKind kind, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write to project {ProjectId} issue {Iid} failed: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, long projectId, long iid, string error);
}

using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.LintNotes;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Processing;

/// <summary>
/// The only code that writes to an issue or a merge request (a <see cref="WorkItem"/>). Given a plan (hygiene,
/// secret-leak, or both), it takes the item's write lock, plans again from GitLab's current state when the plan's
/// basis may be stale, reserves the run's write budget, and makes exactly the planned writes in order — or, in a dry
/// run, records them. Every write, made, planned or failed, goes to the audit log. A GitLab error ends this item's
/// plan and is returned, never thrown: the caller's run goes on with the next item.
/// </summary>
public sealed partial class Actuator(
    IGitLabIssueReader reader,
    IGitLabIssueWriter issues,
    IGitLabNoteWriter notes,
    IGitLabMergeRequests mergeRequests,
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

    /// <summary>An issue's plan: under the lock, a stale basis is read again (the issue itself) and planned again.</summary>
    public Task<ActExecution> ActAsync(PlanBasis basis, WritePlan plan, Replanner replan, ActContext context, CancellationToken cancellationToken) =>
        ActAsync(
            WorkItem.Issue(basis.Issue.ProjectId, basis.Issue.Iid),
            basis.ReadAt,
            plan,
            async (trustNoteIndex, ct) => await replan(await ReadAsync(basis.Issue, ct), trustNoteIndex, ct),
            context,
            cancellationToken);

    /// <summary>
    /// Any work item's plan, made from GitLab's state as read at <paramref name="readAt"/>; <paramref name="replan"/>
    /// reads the item's current state and plans again (under the write lock, when that state may be stale).
    /// </summary>
    public async Task<ActExecution> ActAsync(WorkItem item, DateTimeOffset readAt, WritePlan plan, ItemReplanner replan, ActContext context, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return ActExecution.Nothing;
        }

        if (context.DryRun)
        {
            // A dry run plans every write; the budget only notes where a live run would have stopped.
            context.Budget.TryReserve(plan.Writes.Count);
            foreach (var write in plan.Writes)
            {
                await AuditAsync(item, write, context, null, cancellationToken);
            }

            return new ActExecution(plan.Writes, ActStatus.Planned);
        }

        // Writes happen under the item's write lock: another writer (the sweep, a worker on another replica) may have
        // acted since the plan's snapshot was read, and then the plan is made again from GitLab's current state.
        await using var writeLock = await IssueWriteLock.AcquireAsync(store.Leases, item.ProjectId, item.Key, IssueWriteLock.MaxWait, time, cancellationToken);
        if (writeLock is null)
        {
            return new ActExecution(plan.Writes, ActStatus.Failed, $"another writer holds the {(item.Kind == WorkItemKind.MergeRequest ? "merge request" : "issue")}'s write lock");
        }

        try
        {
            if (await NeedsCurrentStateAsync(item, readAt, plan, cancellationToken))
            {
                plan = await replan(true, cancellationToken);
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
                await ExecuteAsync(item, plan, context, cancellationToken);
            }
            catch (GitLabNotFoundException) when (plan.KeptNoteId is not null)
            {
                // The kept sticky note was deleted by someone (or the item is gone): forget it and plan again from what
                // GitLab really has. (Only issues' notes are remembered in the lint-note index.)
                if (item.Kind == WorkItemKind.Issue)
                {
                    await store.LintNotes.RemoveAsync(item.ProjectId, item.Iid, cancellationToken);
                }

                plan = await replan(false, cancellationToken);
                await ExecuteAsync(item, plan, context, cancellationToken);
            }

            return new ActExecution(plan.Writes, ActStatus.Written);
        }
        catch (GitLabNotFoundException e) when (IsPerIssue(e))
        {
            LogWriteFailed(logger, item.ProjectId, item, e.Message);
            return new ActExecution(plan.Writes, ActStatus.Gone, e.Message);
        }
        catch (Exception e) when (e is WriteRejectedException || (e is GitLabException gitLab && IsPerIssue(gitLab)))
        {
            LogWriteFailed(logger, item.ProjectId, item, e.Message);
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
    /// wrote to the item after the snapshot was read (its audit entry is in the shared store before it releases the
    /// lock). A fresh snapshot nobody else touched costs no request. The audit log keys issues and merge requests by
    /// their iid alike, so a write to issue #5 also makes MR !5 read again: never fewer re-reads than needed.
    /// </summary>
    private async Task<bool> NeedsCurrentStateAsync(WorkItem item, DateTimeOffset readAt, WritePlan plan, CancellationToken cancellationToken)
    {
        if (plan.ReplacesText || time.GetUtcNow() - readAt > SnapshotFreshFor)
        {
            return true;
        }

        var since = await store.Audit.QueryAsync(
            new AuditQuery { ProjectId = item.ProjectId, IssueIid = item.Iid, From = readAt - ClockSkew, Limit = 50 },
            cancellationToken);
        return since.Any(r => !r.Entry.DryRun);
    }

    private async Task<PlanBasis> ReadAsync(IssueSnapshot issue, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var current = await reader.GetIssueAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken);
        return new PlanBasis(GitLabIssueMapper.ToSnapshot(current), readAt);
    }

    private async Task ExecuteAsync(WorkItem item, WritePlan plan, ActContext context, CancellationToken cancellationToken)
    {
        foreach (var write in plan.Writes)
        {
            try
            {
                switch (write.Kind)
                {
                    case WriteKind.NoteCreate:
                        var created = await CreateNoteAsync(item, write, cancellationToken);
                        if (created is not NoteCreateResult.Created { Note: var note })
                        {
                            throw new WriteRejectedException("note was not created: " + Describe(created));
                        }

                        if (write.IsLintNote)
                        {
                            await RememberAsync(item, note.Id, plan.NoteHash!, cancellationToken);
                        }

                        break;
                    case WriteKind.NoteEdit:
                        await UpdateNoteAsync(item, write.NoteId!.Value, write.Body!, cancellationToken);
                        if (write.IsLintNote)
                        {
                            await RememberAsync(item, write.NoteId.Value, plan.NoteHash!, cancellationToken);
                        }

                        break;
                    case WriteKind.NoteDelete:
                        await DeleteIgnoringMissingAsync(item, write.NoteId!.Value, cancellationToken);
                        break;
                    case WriteKind.QuickActions:
                        if (await CreateNoteAsync(item, write, cancellationToken) is NoteCreateResult.CommandsFailed failed)
                        {
                            throw new WriteRejectedException("quick actions failed: " + failed.Message);
                        }

                        break;
                    case WriteKind.RestUpdate:
                        await UpdateItemAsync(item, write.Change!, cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"no executor for write kind {write.Kind}");
                }

                await AuditAsync(item, write, context, null, cancellationToken);
                LogWrite(logger, write.Kind, item.ProjectId, item);
            }
            catch (Exception e) when (e is GitLabException or WriteRejectedException)
            {
                await AuditAsync(item, write, context, e.Message, cancellationToken);
                throw;
            }
        }

        if (plan.KeptNoteId is { } kept && !plan.Writes.Any(w => w.Kind == WriteKind.NoteEdit && w.IsLintNote))
        {
            await RememberAsync(item, kept, plan.NoteHash!, cancellationToken);
        }
    }

    private Task<NoteCreateResult> CreateNoteAsync(WorkItem item, PlannedWrite write, CancellationToken cancellationToken) => item.Kind switch
    {
        WorkItemKind.MergeRequest => mergeRequests.CreateMergeRequestNoteAsync(IdOrPath.FromId(item.ProjectId), item.Iid, write.NoteRequestBody(), write.Internal, cancellationToken),
        _ => notes.CreateIssueNoteAsync(IdOrPath.FromId(item.ProjectId), item.Iid, write.NoteRequestBody(), write.Internal, cancellationToken),
    };

    private Task<GitLabNote> UpdateNoteAsync(WorkItem item, long noteId, string body, CancellationToken cancellationToken) => item.Kind switch
    {
        WorkItemKind.MergeRequest => mergeRequests.UpdateMergeRequestNoteAsync(IdOrPath.FromId(item.ProjectId), item.Iid, noteId, body, cancellationToken),
        _ => notes.UpdateIssueNoteAsync(IdOrPath.FromId(item.ProjectId), item.Iid, noteId, body, cancellationToken),
    };

    /// <summary>
    /// The item's own fields. A merge request has no confidential flag and its hygiene writes are notes, so only a
    /// redacted title or description is ever planned for one.
    /// </summary>
    private Task UpdateItemAsync(WorkItem item, IssueChange change, CancellationToken cancellationToken)
    {
        if (item.Kind == WorkItemKind.Issue)
        {
            return issues.UpdateIssueAsync(IdOrPath.FromId(item.ProjectId), item.Iid, ToIssueUpdate(change), cancellationToken);
        }

        if (change.Confidential is not null || change.AddLabels.Count > 0 || change.RemoveLabels.Count > 0 || change.MilestoneId is not null)
        {
            throw new InvalidOperationException("a merge request's update can only replace its title and description");
        }

        return mergeRequests.UpdateMergeRequestAsync(IdOrPath.FromId(item.ProjectId), item.Iid, change.Title, change.Description, cancellationToken);
    }

    /// <summary>Remembers an issue's lint note in the index (merge requests' notes are found by listing them).</summary>
    private async Task RememberAsync(WorkItem item, long noteId, string hash, CancellationToken cancellationToken)
    {
        if (item.Kind == WorkItemKind.Issue)
        {
            await store.LintNotes.UpsertAsync(
                new LintNoteEntry(item.ProjectId, item.Iid, noteId, hash, hash == _resolvedHash ? LintNoteState.Resolved : LintNoteState.Open, time.GetUtcNow()),
                cancellationToken);
        }
    }

    private async Task DeleteIgnoringMissingAsync(WorkItem item, long noteId, CancellationToken cancellationToken)
    {
        var project = IdOrPath.FromId(item.ProjectId);
        try
        {
            await (item.Kind == WorkItemKind.MergeRequest
                ? mergeRequests.DeleteMergeRequestNoteAsync(project, item.Iid, noteId, cancellationToken)
                : notes.DeleteIssueNoteAsync(project, item.Iid, noteId, cancellationToken));
        }
        catch (GitLabNotFoundException)
        {
            // Already gone: the goal (one note) holds.
        }
    }

    private async Task AuditAsync(WorkItem item, PlannedWrite write, ActContext context, string? error, CancellationToken cancellationToken)
    {
        // The audit log is keyed by project and iid; "merge request !iid: " in the detail tells MR writes from issue writes.
        var entry = new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            ProjectId = item.ProjectId,
            IssueIid = item.Iid,
            Rules = write.Rules,
            Kind = write.Kind,
            DryRun = context.DryRun,
            Source = context.Source,
            Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
            ErrorMessage = error,
            Detail = item.Kind == WorkItemKind.MergeRequest ? $"{item}: {Detail(write)}" : Detail(write),
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Kind} on project {ProjectId} {Item}")]
    private static partial void LogWrite(ILogger logger, WriteKind kind, long projectId, WorkItem item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write to project {ProjectId} {Item} failed: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, long projectId, WorkItem item, string error);
}

using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
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

namespace IssueHygiene.Hygiene;

/// <summary>
/// The act step shared by sweep, lint and the webhook worker: finds the issue's lint note (index first, then — only
/// when the issue has notes at all — by listing them), asks the <see cref="WritePlanner"/> what to write, and makes
/// exactly those writes (or, in dry run, records them). Every write, made or planned, goes to the audit log.
/// </summary>
public sealed partial class Actuator(
    IGitLabClient gitLab,
    IHygieneStore store,
    WritePlanner planner,
    Evaluator evaluator,
    TimeProvider time,
    ILogger<Actuator> logger)
{
    private readonly string _resolvedHash = new LintNoteRenderer(planner.Rules).Resolved().Hash;

    public async Task<ActOutcome> ActAsync(Verdict verdict, TrackerCatalog catalog, ActContext context, CancellationToken cancellationToken)
    {
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return new ActOutcome(verdict, [], ActStatus.NothingToDo);
        }

        verdict = await WithWaiversAsync(verdict, catalog, cancellationToken);
        var issue = verdict.Issue;
        var notes = await FindLintNotesAsync(issue, context, fromIndex: true, cancellationToken);
        verdict = WithNoteWaivers(verdict, notes, catalog);
        var plan = planner.Plan(verdict, notes, time.GetUtcNow(), catalog);
        if (plan.IsEmpty)
        {
            return new ActOutcome(verdict, [], ActStatus.NothingToDo);
        }

        if (context.DryRun)
        {
            return await WriteAsync(verdict, notes, plan, catalog, context, cancellationToken);
        }

        // Writes happen under the issue's write lock, planned again from GitLab's current state: another writer (the
        // sweep, a worker on another replica) may have acted since this verdict's snapshot was read.
        await using var writeLock = await IssueWriteLock.AcquireAsync(store.Leases, issue.ProjectId, issue.Iid, IssueWriteLock.MaxWait, time, cancellationToken);
        if (writeLock is null)
        {
            return new ActOutcome(verdict, plan.Writes, ActStatus.Failed, "another writer holds the issue's write lock");
        }

        var current = GitLabIssueMapper.ToSnapshot(await gitLab.GetIssueAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken));
        verdict = evaluator.Evaluate(current, time.GetUtcNow(), catalog, new EvaluationOptions
        {
            Waivers = verdict.Waivers,
            Explain = verdict.Explanation is not null,
            Replies = verdict.Replies,
        });
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return new ActOutcome(verdict, [], ActStatus.NothingToDo);
        }

        notes = await FindLintNotesAsync(verdict.Issue, context, fromIndex: true, cancellationToken);
        plan = planner.Plan(verdict, notes, time.GetUtcNow(), catalog);
        return plan.IsEmpty
            ? new ActOutcome(verdict, [], ActStatus.NothingToDo)
            : await WriteAsync(verdict, notes, plan, catalog, context, cancellationToken);
    }

    /// <summary>
    /// The scope's summary issue write (planned in Core), with the same budget, dry-run and audit handling as an issue's.
    /// </summary>
    public Task<SummaryOutcome> ActOnSummaryAsync(Core.Summary.SummaryIssuePlan plan, ActContext context, CancellationToken cancellationToken) =>
        SummaryIssueActuation.ActAsync(gitLab, store, time, plan, context, cancellationToken);

    /// <summary>Finds the scope's summary issue (stored location, else its marker).</summary>
    public Task<Core.Summary.ExistingSummaryIssue?> FindSummaryIssueAsync(string scope, string title, long projectId, CancellationToken cancellationToken) =>
        SummaryIssueActuation.FindAsync(gitLab, store, scope, title, projectId, cancellationToken);

    private async Task<ActOutcome> WriteAsync(Verdict verdict, IReadOnlyList<ExistingNote> notes, WritePlan plan, TrackerCatalog catalog, ActContext context, CancellationToken cancellationToken)
    {
        var issue = verdict.Issue;
        if (!context.Budget.TryReserve(plan.Writes.Count))
        {
            return new ActOutcome(verdict, plan.Writes, ActStatus.BudgetExhausted);
        }

        if (context.DryRun)
        {
            foreach (var write in plan.Writes)
            {
                await AuditAsync(issue, write, context, null, cancellationToken);
            }

            return new ActOutcome(verdict, plan.Writes, ActStatus.Planned);
        }

        try
        {
            await ExecuteAsync(issue, plan, context, cancellationToken);
        }
        catch (GitLabNotFoundException) when (plan.KeptNoteId is not null)
        {
            // The indexed note was deleted by someone: forget it and plan again from what GitLab really has.
            await store.LintNotes.RemoveAsync(issue.ProjectId, issue.Iid, cancellationToken);
            notes = await FindLintNotesAsync(issue, context, fromIndex: false, cancellationToken);
            plan = planner.Plan(verdict, notes, time.GetUtcNow(), catalog);
            await ExecuteAsync(issue, plan, context, cancellationToken);
        }
        catch (Exception e) when (e is GitLabException or WriteRejectedException)
        {
            LogWriteFailed(logger, issue.ProjectId, issue.Iid, e.Message);
            return new ActOutcome(verdict, plan.Writes, ActStatus.Failed, e.Message);
        }

        return new ActOutcome(verdict, plan.Writes, ActStatus.Written);
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
                        var body = write.QuickActions.Count == 0 ? write.Body! : write.Body + "\n\n" + string.Join("\n", write.QuickActions);
                        var created = await gitLab.CreateIssueNoteAsync(project, issue.Iid, body, cancellationToken: cancellationToken);
                        if (created is not NoteCreateResult.Created { Note: var note })
                        {
                            throw new WriteRejectedException("note was not created: " + Describe(created));
                        }

                        await RememberAsync(issue, note.Id, plan.NoteHash!, cancellationToken);
                        break;
                    case WriteKind.NoteEdit:
                        await gitLab.UpdateIssueNoteAsync(project, issue.Iid, write.NoteId!.Value, write.Body!, cancellationToken);
                        await RememberAsync(issue, write.NoteId.Value, plan.NoteHash!, cancellationToken);
                        break;
                    case WriteKind.NoteDelete:
                        await DeleteIgnoringMissingAsync(project, issue.Iid, write.NoteId!.Value, cancellationToken);
                        break;
                    case WriteKind.QuickActions:
                        var commands = await gitLab.CreateIssueNoteAsync(project, issue.Iid, string.Join("\n", write.QuickActions), cancellationToken: cancellationToken);
                        if (commands is NoteCreateResult.CommandsFailed failed)
                        {
                            throw new WriteRejectedException("quick actions failed: " + failed.Message);
                        }

                        break;
                    case WriteKind.RestUpdate:
                        await gitLab.UpdateIssueAsync(project, issue.Iid, ToIssueUpdate(write.RestFields), cancellationToken);
                        break;
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

        if (plan.KeptNoteId is { } kept && !plan.Writes.Any(w => w.Kind == WriteKind.NoteEdit))
        {
            await RememberAsync(issue, kept, plan.NoteHash!, cancellationToken);
        }
    }

    /// <summary>
    /// Waivers (<c>@bot waive</c>) hold whichever use acts: a verdict evaluated without them (sweep, lint) is evaluated
    /// again with them, so a sweep never writes back a waived finding that the webhook worker then removes again.
    /// </summary>
    private async Task<Verdict> WithWaiversAsync(Verdict verdict, TrackerCatalog catalog, CancellationToken cancellationToken)
    {
        if (verdict.Waivers.Count > 0)
        {
            return verdict;
        }

        var now = time.GetUtcNow();
        var waivers = await store.LintNotes.ListActiveWaiversAsync(verdict.Issue.ProjectId, verdict.Issue.Iid, evaluator.Policy.TodayAt(now), cancellationToken);
        return waivers.Count == 0
            ? verdict
            : evaluator.Evaluate(verdict.Issue, now, catalog, new EvaluationOptions
            {
                Waivers = [.. waivers.Select(w => new RuleWaiver(w.RuleId, w.Until, w.Reason, w.WaivedBy))],
                Explain = verdict.Explanation is not null,
                Replies = verdict.Replies,
            });
    }

    /// <summary>
    /// Waivers the local store does not know but the sticky note records (given through another installation's
    /// <c>serve</c>, read here by the CI report job): they hold too, so a report never brings a waived finding back.
    /// </summary>
    private Verdict WithNoteWaivers(Verdict verdict, IReadOnlyList<ExistingNote> notes, TrackerCatalog catalog)
    {
        var today = evaluator.Policy.TodayAt(time.GetUtcNow());
        var recorded = notes.SelectMany(n => n.Waivers).Where(w => w.Until is null || w.Until >= today).DistinctBy(w => w.RuleId).ToList();
        return verdict.Waivers.Count > 0 || recorded.Count == 0
            ? verdict
            : evaluator.Evaluate(verdict.Issue, time.GetUtcNow(), catalog, new EvaluationOptions { Waivers = recorded, Explain = verdict.Explanation is not null, Replies = verdict.Replies });
    }

    /// <summary>The issue's marker notes: from the index, else none when the issue has no notes, else by listing.</summary>
    private async Task<IReadOnlyList<ExistingNote>> FindLintNotesAsync(IssueSnapshot issue, ActContext context, bool fromIndex, CancellationToken cancellationToken)
    {
        if (fromIndex)
        {
            var entry = await store.LintNotes.GetAsync(issue.ProjectId, issue.Iid, cancellationToken);
            if (entry is not null)
            {
                return [new ExistingNote(entry.NoteId, entry.FindingsHash)];
            }

            if (issue.UserNotesCount == 0)
            {
                return [];
            }
        }

        var notes = new List<ExistingNote>();
        await foreach (var note in gitLab.ListIssueNotesAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken))
        {
            if (!note.System && LintNote.IsLintNote(note.Body) && (context.BotUserId is null || note.Author?.Id == context.BotUserId))
            {
                notes.Add(ExistingNote.FromBody(note.Id, note.Body));
            }
        }

        return notes;
    }

    private Task RememberAsync(IssueSnapshot issue, long noteId, string hash, CancellationToken cancellationToken) =>
        store.LintNotes.UpsertAsync(
            new LintNoteEntry(issue.ProjectId, issue.Iid, noteId, hash, hash == _resolvedHash ? LintNoteState.Resolved : LintNoteState.Open, time.GetUtcNow()),
            cancellationToken);

    private async Task DeleteIgnoringMissingAsync(IdOrPath project, long iid, long noteId, CancellationToken cancellationToken)
    {
        try
        {
            await gitLab.DeleteIssueNoteAsync(project, iid, noteId, cancellationToken);
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
                Kind = (AuditWriteKind)(int)write.Kind,
                DryRun = context.DryRun,
                Source = context.Source,
                Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
                ErrorMessage = error,
                Detail = Detail(write),
            };
        if (context.AuditBuffer is { } buffer)
        {
            buffer.Add(entry);
            return;
        }

        await store.Audit.AppendAsync(entry, cancellationToken);
    }

    private static string Detail(PlannedWrite write) => write.Kind switch
    {
        WriteKind.NoteEdit or WriteKind.NoteDelete => $"note {write.NoteId}",
        WriteKind.RestUpdate => string.Join(", ", write.RestFields.Select(f => $"{f.Key}={f.Value}")),
        _ => string.Join(" ", write.QuickActions),
    };

    private static IssueUpdate ToIssueUpdate(IReadOnlyDictionary<string, string> fields) => new()
    {
        AddLabels = fields.TryGetValue("add_labels", out var add) ? add.Split(',') : null,
        RemoveLabels = fields.TryGetValue("remove_labels", out var remove) ? remove.Split(',') : null,
        MilestoneId = fields.TryGetValue("milestone_id", out var milestone) ? long.Parse(milestone, System.Globalization.CultureInfo.InvariantCulture) : null,
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

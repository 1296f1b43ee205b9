using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// One merge request, decide then act, whichever path asks (sweep, webhook worker): fetch only what a rule needs
/// (changed paths: one diffs request; author access: one members request), evaluate, find the sticky note (none
/// when the MR has no notes, else by listing them), plan with <see cref="MergeRequestNotePlanner"/> and make exactly
/// those writes under the write budget — or, in dry run, record them. Every write, made or planned, is audited.
/// </summary>
public sealed partial class MergeRequestProcessor(
    IGitLabMergeRequests gitLab,
    IHygieneStore store,
    MergeRequestEvaluator evaluator,
    TimeProvider time,
    ILogger<MergeRequestProcessor> logger)
{
    private readonly MergeRequestNotePlanner _planner = new(evaluator.Rules);

    public MergeRequestEvaluator Evaluator => evaluator;

    /// <summary>Reads the MR from GitLab (a webhook names it; the payload does not say who merged) and processes it.</summary>
    public async Task<MergeRequestOutcome> ProcessAsync(long projectId, long iid, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        var mergeRequest = GitLabMergeRequestMapper.ToSnapshot(await gitLab.GetMergeRequestAsync(IdOrPath.FromId(projectId), iid, cancellationToken));
        var outcome = await ProcessAsync(mergeRequest, context, options, cancellationToken);
        return outcome with { ExtraRequests = outcome.ExtraRequests + 1 };
    }

    public async Task<MergeRequestOutcome> ProcessAsync(MergeRequestSnapshot mergeRequest, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var project = IdOrPath.FromId(mergeRequest.ProjectId);
        var needs = evaluator.Needs(mergeRequest, now);
        var requests = 0;
        IReadOnlyList<string>? paths = null;
        int? access = null;
        if (needs.HasFlag(MergeRequestNeeds.ChangedPaths))
        {
            var diffs = new List<GitLab.Dtos.GitLabMergeRequestDiff>();
            await foreach (var diff in gitLab.ListMergeRequestDiffsAsync(project, mergeRequest.Iid, cancellationToken))
            {
                diffs.Add(diff);
            }

            paths = GitLabMergeRequestMapper.ChangedPaths(diffs);
            requests++;
        }

        if (needs.HasFlag(MergeRequestNeeds.AuthorAccess))
        {
            access = (int)await gitLab.GetEffectiveAccessLevelAsync(project, mergeRequest.Author.Id, cancellationToken);
            requests++;
        }

        var verdict = evaluator.Evaluate(new MergeRequestFacts(mergeRequest, paths, access), now, await WithWaiversAsync(mergeRequest, options, now, cancellationToken));
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return new MergeRequestOutcome(verdict, [], ActStatus.NothingToDo, requests);
        }

        var notes = await FindNotesAsync(mergeRequest, context, cancellationToken);
        requests += mergeRequest.UserNotesCount == 0 ? 0 : 1;
        var plan = _planner.Plan(verdict, notes);
        if (plan.IsEmpty)
        {
            return new MergeRequestOutcome(verdict, [], ActStatus.NothingToDo, requests);
        }

        if (context.DryRun)
        {
            // Over the run's write budget a dry run stops planning where a live run would stop writing.
            if (!context.Budget.TryReserve(plan.Writes.Count))
            {
                return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.BudgetExhausted, requests);
            }

            foreach (var write in plan.Writes)
            {
                await AuditAsync(mergeRequest, write, context, null, cancellationToken);
            }

            return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.Planned, requests);
        }

        // Writes happen under the MR's write lock: the same per-item lease as an issue's, named by the MR's queue key. A
        // sweep and a worker (here or on another replica) may act on one MR at once; under the lock its notes are read
        // again (the listed MR's note count may be stale) and the plan made again, so the second finds the first's note.
        await using var writeLock = await IssueWriteLock.AcquireAsync(
            store.Leases, mergeRequest.ProjectId, MergeRequestQueueKey.FromIid(mergeRequest.Iid), IssueWriteLock.MaxWait, time, cancellationToken);
        if (writeLock is null)
        {
            return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.Failed, requests, "another writer holds the merge request's write lock");
        }

        plan = _planner.Plan(verdict, await ListNotesAsync(mergeRequest, context, cancellationToken));
        requests++;
        if (plan.IsEmpty)
        {
            return new MergeRequestOutcome(verdict, [], ActStatus.NothingToDo, requests);
        }

        if (!context.Budget.TryReserve(plan.Writes.Count))
        {
            return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.BudgetExhausted, requests);
        }

        try
        {
            await ExecuteAsync(mergeRequest, plan, context, cancellationToken);
        }
        catch (Exception e) when (e is GitLabException or WriteRejectedException)
        {
            LogWriteFailed(logger, mergeRequest.ProjectId, mergeRequest.Iid, e.Message);
            return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.Failed, requests, e.Message);
        }

        return new MergeRequestOutcome(verdict, plan.Writes, ActStatus.Written, requests);
    }

    private async Task ExecuteAsync(MergeRequestSnapshot mergeRequest, WritePlan plan, ActContext context, CancellationToken cancellationToken)
    {
        var project = IdOrPath.FromId(mergeRequest.ProjectId);
        foreach (var write in plan.Writes)
        {
            try
            {
                switch (write.Kind)
                {
                    case WriteKind.NoteCreate:
                        var body = write.QuickActions.Count == 0 ? write.Body! : write.Body + "\n\n" + string.Join("\n", write.QuickActions);
                        if (await gitLab.CreateMergeRequestNoteAsync(project, mergeRequest.Iid, body, cancellationToken) is not NoteCreateResult.Created)
                        {
                            throw new WriteRejectedException("the note was not created");
                        }

                        break;
                    case WriteKind.NoteEdit:
                        await gitLab.UpdateMergeRequestNoteAsync(project, mergeRequest.Iid, write.NoteId!.Value, write.Body!, cancellationToken);
                        break;
                    case WriteKind.NoteDelete:
                        await gitLab.DeleteMergeRequestNoteAsync(project, mergeRequest.Iid, write.NoteId!.Value, cancellationToken);
                        break;
                    case WriteKind.QuickActions:
                        await gitLab.CreateMergeRequestNoteAsync(project, mergeRequest.Iid, string.Join("\n", write.QuickActions), cancellationToken);
                        break;
                }

                await AuditAsync(mergeRequest, write, context, null, cancellationToken);
                LogWrite(logger, write.Kind, mergeRequest.ProjectId, mergeRequest.Iid);
            }
            catch (Exception e) when (e is GitLabException or WriteRejectedException)
            {
                await AuditAsync(mergeRequest, write, context, e.Message, cancellationToken);
                throw;
            }
        }
    }

    /// <summary>
    /// The waivers in force on the MR (recorded by <c>@bot waive</c> on its comments, under its queue key so they never
    /// mix with the issue of the same number) added to what was asked; every path (sweep, webhook) honours them.
    /// </summary>
    private async Task<EvaluationOptions> WithWaiversAsync(MergeRequestSnapshot mergeRequest, EvaluationOptions? options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        options ??= EvaluationOptions.None;
        var stored = await store.LintNotes.ListActiveWaiversAsync(
            mergeRequest.ProjectId, MergeRequestQueueKey.FromIid(mergeRequest.Iid), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, evaluator.Rules.TimeZone).DateTime), cancellationToken);
        return stored.Count == 0
            ? options
            : options with { Waivers = [.. options.Waivers, .. stored.Select(w => new RuleWaiver(w.RuleId, w.Until, w.Reason, w.WaivedBy))] };
    }

    /// <summary>The MR's marker notes written by the bot: none when it has no notes at all, else by listing them.</summary>
    private async Task<IReadOnlyList<ExistingNote>> FindNotesAsync(MergeRequestSnapshot mergeRequest, ActContext context, CancellationToken cancellationToken) =>
        mergeRequest.UserNotesCount == 0 ? [] : await ListNotesAsync(mergeRequest, context, cancellationToken);

    private async Task<IReadOnlyList<ExistingNote>> ListNotesAsync(MergeRequestSnapshot mergeRequest, ActContext context, CancellationToken cancellationToken)
    {
        var notes = new List<ExistingNote>();
        await foreach (var note in gitLab.ListMergeRequestNotesAsync(IdOrPath.FromId(mergeRequest.ProjectId), mergeRequest.Iid, cancellationToken))
        {
            if (!note.System && LintNote.IsLintNote(note.Body) && (context.BotUserId is null || note.Author?.Id == context.BotUserId))
            {
                notes.Add(ExistingNote.FromBody(note.Id, note.Body));
            }
        }

        return notes;
    }

    private async Task AuditAsync(MergeRequestSnapshot mergeRequest, PlannedWrite write, ActContext context, string? error, CancellationToken cancellationToken)
    {
        // The audit log is keyed by project and iid; "merge request !iid" in the detail tells MR writes from issue writes.
        var entry = new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            ProjectId = mergeRequest.ProjectId,
            IssueIid = mergeRequest.Iid,
            Rules = write.Rules,
            Kind = write.Kind,
            DryRun = context.DryRun,
            Source = context.Source,
            Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
            ErrorMessage = error,
            Detail = $"merge request !{mergeRequest.Iid}: " + (write.Kind is WriteKind.NoteEdit or WriteKind.NoteDelete ? $"note {write.NoteId}" : string.Join(" ", write.QuickActions)),
        };
        if (context.AuditBuffer is { } buffer)
        {
            buffer.Add(entry);
            return;
        }

        await store.Audit.AppendAsync(entry, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Kind} on project {ProjectId} merge request {Iid}")]
    private static partial void LogWrite(ILogger logger, WriteKind kind, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write to project {ProjectId} merge request {Iid} failed: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, long projectId, long iid, string error);
}

using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Processing;
using IssueHygiene.Storage;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// One merge request, decide then hand to the <see cref="Actuator"/>, whichever path asks (sweep, webhook worker): fetch
/// only what a rule needs (changed paths: one diffs request; author access: one members request), evaluate, find the
/// sticky note (none when the MR has no notes, else by listing them) and plan with <see cref="MergeRequestNotePlanner"/>.
/// The Actuator makes exactly those writes under the MR's write lock, the write budget and the audit log — or, in a dry
/// run, records them — and plans again from the MR's current notes when the plan's basis may be stale.
/// </summary>
public sealed class MergeRequestProcessor(
    IGitLabMergeRequests gitLab,
    IHygieneStore store,
    MergeRequestEvaluator evaluator,
    Actuator actuator,
    TimeProvider time)
{
    private readonly MergeRequestNotePlanner _planner = new(evaluator.Rules);

    public MergeRequestEvaluator Evaluator => evaluator;

    /// <summary>Reads the MR from GitLab (a webhook names it; the payload does not say who merged) and processes it.</summary>
    public async Task<MergeRequestOutcome> ProcessAsync(long projectId, long iid, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var mergeRequest = GitLabMergeRequestMapper.ToSnapshot(await gitLab.GetMergeRequestAsync(IdOrPath.FromId(projectId), iid, cancellationToken));
        var outcome = await ProcessAsync(mergeRequest, readAt, context, options, cancellationToken);
        return outcome with { ExtraRequests = outcome.ExtraRequests + 1 };
    }

    /// <summary>Processes an MR as GitLab showed it at <paramref name="readAt"/> (a sweep's list page, a webhook's read).</summary>
    public async Task<MergeRequestOutcome> ProcessAsync(MergeRequestSnapshot mergeRequest, DateTimeOffset readAt, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
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

        var plan = _planner.Plan(verdict, await FindNotesAsync(mergeRequest, context, cancellationToken));
        requests += mergeRequest.UserNotesCount == 0 ? 0 : 1;
        var execution = await actuator.ActAsync(
            WorkItem.MergeRequest(mergeRequest.ProjectId, mergeRequest.Iid),
            readAt,
            plan,
            async (_, ct) =>
            {
                // The MR's notes as they are now (its listed note count may be stale): the second of two writers finds
                // the first one's sticky note.
                requests++;
                return _planner.Plan(verdict, await ListNotesAsync(mergeRequest, context, ct));
            },
            context,
            cancellationToken);
        return new MergeRequestOutcome(verdict, execution.Writes, execution.Status, requests, execution.Error);
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
}

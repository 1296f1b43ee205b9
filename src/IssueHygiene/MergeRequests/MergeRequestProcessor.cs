using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Secrets;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Processing;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// One merge request, decide then hand to the <see cref="Actuator"/>, whichever path asks (sweep, webhook worker): fetch
/// only what a rule needs (changed paths: one diffs request; author access: one members request), evaluate, find the
/// sticky note (none when the MR has no notes, else by listing them) and plan with <see cref="MergeRequestNotePlanner"/>.
/// The title, the description and the comments given are scanned for leaked credentials as an issue's are, and the
/// <see cref="SecretLeakPlanner"/>'s response goes first in the same plan (GitLab has no confidential MRs: an internal
/// note, and the redaction when configured). The Actuator makes exactly those writes under the MR's write lock, the
/// write budget and the audit log — or, in a dry run, records them — and plans again from the MR's current notes when
/// the plan's basis may be stale.
/// </summary>
public sealed class MergeRequestProcessor(
    IGitLabMergeRequests gitLab,
    IHygieneStore store,
    MergeRequestEvaluator evaluator,
    SecretLeakPlanner secretLeaks,
    SecretFingerprintKey fingerprintKey,
    Actuator actuator,
    TimeProvider time)
{
    private readonly MergeRequestNotePlanner _planner = new(evaluator.Rules);

    public MergeRequestEvaluator Evaluator => evaluator;

    /// <summary>
    /// Reads the MR from GitLab (a webhook names it; the payload does not say who merged) and processes it, scanning
    /// <paramref name="notesToScan"/> (the comments the deliveries named) with its title and description.
    /// </summary>
    public async Task<MergeRequestOutcome> ProcessAsync(
        long projectId, long iid, IReadOnlyList<NoteToScan> notesToScan, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var mergeRequest = GitLabMergeRequestMapper.ToSnapshot(await gitLab.GetMergeRequestAsync(IdOrPath.FromId(projectId), iid, cancellationToken));
        var outcome = await ProcessAsync(mergeRequest, readAt, notesToScan, context, options, cancellationToken);
        return outcome with { ExtraRequests = outcome.ExtraRequests + 1 };
    }

    /// <summary>Processes an MR as GitLab showed it at <paramref name="readAt"/> (a sweep's list page, a webhook's read).</summary>
    public async Task<MergeRequestOutcome> ProcessAsync(
        MergeRequestSnapshot mergeRequest, DateTimeOffset readAt, IReadOnlyList<NoteToScan> notesToScan, ActContext context, EvaluationOptions? options, CancellationToken cancellationToken)
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
        var scan = secretLeaks.Scan(SecretLeakSubject.Of(mergeRequest), notesToScan, context.BotUserId, fingerprintKey.Bytes);
        if (verdict.Status != EvaluationStatus.Evaluated && scan.Findings.Count == 0)
        {
            return new MergeRequestOutcome(verdict, [], ActStatus.NothingToDo, requests);
        }

        var notes = new MergeRequestNotes(gitLab, mergeRequest, context, listEvenWhenNoneCounted: false);
        var plan = await PlanAsync(verdict, scan, notes, cancellationToken);
        requests += notes.Requests;
        var execution = await actuator.ActAsync(
            WorkItem.MergeRequest(mergeRequest.ProjectId, mergeRequest.Iid),
            readAt,
            plan,
            async (_, ct) =>
            {
                // The MR's notes as they are now (its listed note count may be stale): the second of two writers finds
                // the first one's sticky note and secret-leak note. A redaction replaces the title and description as
                // they are now, so then the MR itself is read again too.
                var current = mergeRequest;
                if (plan.ReplacesText)
                {
                    current = GitLabMergeRequestMapper.ToSnapshot(await gitLab.GetMergeRequestAsync(IdOrPath.FromId(mergeRequest.ProjectId), mergeRequest.Iid, ct));
                    requests++;
                }

                var fresh = new MergeRequestNotes(gitLab, current, context, listEvenWhenNoneCounted: true);
                plan = await PlanAsync(verdict, secretLeaks.Scan(SecretLeakSubject.Of(current), notesToScan, context.BotUserId, fingerprintKey.Bytes), fresh, ct);
                requests += fresh.Requests;
                return plan;
            },
            context,
            cancellationToken);
        // The leaked credentials are reported as findings (sweep report, exit code) once the note's plan is made without them.
        return new MergeRequestOutcome(MergeRequestSecretFindings.Reported(verdict, scan), execution.Writes, execution.Status, requests, execution.Error)
        {
            SecretFindings = scan.Findings.Count,
        };
    }

    /// <summary>The MR's plan: the secret-leak response first (containment), then the sticky note's writes.</summary>
    private async Task<WritePlan> PlanAsync(MergeRequestVerdict verdict, SecretLeakScan scan, MergeRequestNotes notes, CancellationToken cancellationToken)
    {
        var leak = secretLeaks.Plan(scan, scan.NeedsAnswered ? await notes.AnsweredFingerprintsAsync(cancellationToken) : new HashSet<string>());
        var hygiene = verdict.Status == EvaluationStatus.Evaluated ? _planner.Plan(verdict, await notes.LintNotesAsync(cancellationToken)) : WritePlan.Nothing;
        return leak.Writes.Then(hygiene);
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
}

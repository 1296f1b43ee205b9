using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Secrets;
using IssueHygiene.Storage;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Processing;

/// <summary>
/// The one path an issue takes, whoever asks (sweep, webhook worker, polling, <c>lint PROJECT#IID</c>): read the issue
/// (or take the snapshot given), evaluate hygiene and scan for leaked credentials, plan both as one
/// <see cref="WritePlan"/> (containment first), and hand it to the <see cref="Actuator"/>, which plans again under the
/// issue's write lock when the snapshot may be stale. A GitLab error about this issue (404, 403, 409, 5xx after
/// retries) is returned in the outcome, never thrown, so a run goes on; what no other issue would survive either (a
/// rejected token, GitLab unreachable past its retries, the store down) is thrown.
/// </summary>
public sealed partial class IssueProcessor(
    IGitLabIssueReader reader,
    IHygieneStore store,
    Evaluator evaluator,
    WritePlanner planner,
    SecretLeakPlanner secretLeaks,
    SecretFingerprintKey fingerprintKey,
    Actuator actuator,
    TimeProvider time,
    ILogger<IssueProcessor> logger,
    Health.HygieneMetrics? metrics = null)
{
    public async Task<ActOutcome> ProcessAsync(IssueRequest request, ITrackerCatalogSource catalogs, ActContext context, CancellationToken cancellationToken)
    {
        var outcome = await ProcessOnceAsync(request, catalogs, context, cancellationToken);
        if (outcome.Status is ActStatus.Failed or ActStatus.Gone)
        {
            metrics?.IssueFailed(outcome.Status == ActStatus.Gone ? "gone" : "failed");
        }

        return outcome;
    }

    private async Task<ActOutcome> ProcessOnceAsync(IssueRequest request, ITrackerCatalogSource catalogs, ActContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (request.IgnoreNoteIndex)
            {
                await store.LintNotes.RemoveAsync(request.ProjectId, request.Iid, cancellationToken);
            }

            var basis = request.Snapshot ?? await ReadAsync(request.ProjectId, request.Iid, cancellationToken);
            TrackerCatalog catalog;
            try
            {
                catalog = await catalogs.GetAsync(basis.Issue.ProjectId, cancellationToken);
            }
            catch (GitLabException)
            {
                catalogs.Invalidate();
                throw;
            }

            var waivers = await WaiversAsync(basis.Issue, cancellationToken);
            var planned = await PlanAsync(basis, request, catalog, waivers, context, trustNoteIndex: true, cancellationToken);
            var latest = planned;
            var execution = await actuator.ActAsync(
                basis,
                planned.Writes,
                async (current, trustNoteIndex, ct) =>
                {
                    latest = await PlanAsync(current, request, catalog, waivers, context, trustNoteIndex, ct);
                    return latest.Writes;
                },
                context,
                cancellationToken);
            return new ActOutcome(latest.Verdict, execution.Writes, execution.Status, execution.Error)
            {
                Issue = new IssueKey(request.ProjectId, request.Iid),
                SecretFindings = latest.Leak.Findings,
                SecretLeak = latest.Leak.Answer,
            };
        }
        catch (GitLabNotFoundException e)
        {
            // Deleted or moved since it was listed or queued: nothing left to keep tidy.
            LogIssueGone(logger, request.ProjectId, request.Iid, e.Message);
            return new ActOutcome(null, [], ActStatus.Gone, e.Message) { Issue = new IssueKey(request.ProjectId, request.Iid) };
        }
        catch (GitLabException e) when (Actuator.IsPerIssue(e))
        {
            LogIssueFailed(logger, request.ProjectId, request.Iid, e.Message);
            return new ActOutcome(null, [], ActStatus.Failed, e.Message) { Issue = new IssueKey(request.ProjectId, request.Iid) };
        }
    }

    /// <summary>
    /// The issue's plan: the secret-leak response first (containment), then the hygiene writes. Waivers hold whichever
    /// path acts, so a sweep never writes back a waived finding that the webhook worker then removes again.
    /// </summary>
    private async Task<Plan> PlanAsync(
        PlanBasis basis, IssueRequest request, TrackerCatalog catalog, IReadOnlyList<RuleWaiver> waivers, ActContext context, bool trustNoteIndex, CancellationToken cancellationToken)
    {
        var issue = basis.Issue;
        var notes = new IssueNotes(reader, issue);

        var scan = secretLeaks.Scan(issue, request.NotesToScan, context.BotUserId, fingerprintKey.Bytes);
        var leak = secretLeaks.Plan(scan, scan.NeedsAnswered ? await AnsweredFingerprintsAsync(notes, context, cancellationToken) : EmptySet);
        if (leak.Findings.Count > 0)
        {
            LogFound(logger, issue.ProjectId, issue.Iid, leak.Findings.Count, string.Join(", ", leak.Findings.Select(f => f.Kind).Distinct()));
        }

        var now = time.GetUtcNow();
        var verdict = evaluator.Evaluate(issue, now, catalog, new EvaluationOptions
        {
            Waivers = waivers,
            Explain = request.Explain,
            Replies = request.Replies,
        });
        var hygiene = WritePlan.Nothing;
        if (verdict.Status == EvaluationStatus.Evaluated)
        {
            var lintNotes = await LintNotesAsync(issue, notes, context, trustNoteIndex, cancellationToken);
            // Waivers the local store does not know but the sticky note records (given through another installation's
            // serve, read here by the CI report job): they hold too, so a report never brings a waived finding back.
            var recorded = lintNotes.SelectMany(n => n.Waivers).Where(w => w.Until is null || w.Until >= evaluator.Policy.TodayAt(now)).DistinctBy(w => w.RuleId).ToList();
            if (waivers.Count == 0 && recorded.Count > 0)
            {
                verdict = evaluator.Evaluate(issue, now, catalog, new EvaluationOptions { Waivers = recorded, Explain = request.Explain, Replies = request.Replies });
            }

            hygiene = planner.Plan(verdict, lintNotes, now, catalog);
        }

        return new Plan(verdict, leak, leak.Writes.Then(hygiene));
    }

    private async Task<PlanBasis> ReadAsync(long projectId, long iid, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        return new PlanBasis(GitLabIssueMapper.ToSnapshot(await reader.GetIssueAsync(IdOrPath.FromId(projectId), iid, cancellationToken)), readAt);
    }

    private async Task<IReadOnlyList<RuleWaiver>> WaiversAsync(IssueSnapshot issue, CancellationToken cancellationToken)
    {
        if (issue.State != IssueState.Opened)
        {
            return [];
        }

        var waivers = await store.LintNotes.ListActiveWaiversAsync(issue.ProjectId, issue.Iid, evaluator.Policy.TodayAt(time.GetUtcNow()), cancellationToken);
        return [.. waivers.Select(w => new RuleWaiver(w.RuleId, w.Until, w.Reason, w.WaivedBy))];
    }

    /// <summary>The issue's marker notes: from the index, else none when the issue has no notes, else by listing.</summary>
    private async Task<IReadOnlyList<ExistingNote>> LintNotesAsync(IssueSnapshot issue, IssueNotes notes, ActContext context, bool trustNoteIndex, CancellationToken cancellationToken)
    {
        if (trustNoteIndex)
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

        return [.. (await notes.ListAsync(cancellationToken))
            .Where(n => !n.System && LintNote.IsLintNote(n.Body) && IsBots(n, context))
            .Select(n => ExistingNote.FromBody(n.Id, n.Body))];
    }

    /// <summary>Fingerprints already answered: those in the bot's secret-leak notes on the issue.</summary>
    private static async Task<IReadOnlySet<string>> AnsweredFingerprintsAsync(IssueNotes notes, ActContext context, CancellationToken cancellationToken)
    {
        if (notes.Issue.UserNotesCount == 0)
        {
            return EmptySet;
        }

        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in await notes.ListAsync(cancellationToken))
        {
            if (!note.System && IsBots(note, context))
            {
                answered.UnionWith(SecretLeakNote.FingerprintsOf(note.Body));
            }
        }

        return answered;
    }

    private static bool IsBots(GitLabNote note, ActContext context) => context.BotUserId is null || note.Author?.Id == context.BotUserId;

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} issue {Iid} no longer exists: {Error}")]
    private static partial void LogIssueGone(ILogger logger, long projectId, long iid, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {ProjectId} issue {Iid} skipped after a GitLab error: {Error}")]
    private static partial void LogIssueFailed(ILogger logger, long projectId, long iid, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Found {Count} credential(s) ({Kinds}) on project {ProjectId} issue {Iid}")]
    private static partial void LogFound(ILogger logger, long projectId, long iid, int count, string kinds);

    private sealed record Plan(Verdict Verdict, SecretLeakPlan Leak, WritePlan Writes);

    /// <summary>The issue's notes, listed at most once per plan (the lint note and the secret-leak notes share it).</summary>
    private sealed class IssueNotes(IGitLabIssueReader reader, IssueSnapshot issue)
    {
        private List<GitLabNote>? _notes;

        public IssueSnapshot Issue => issue;

        public async Task<IReadOnlyList<GitLabNote>> ListAsync(CancellationToken cancellationToken)
        {
            if (_notes is null)
            {
                var notes = new List<GitLabNote>();
                await foreach (var note in reader.ListIssueNotesAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken))
                {
                    notes.Add(note);
                }

                _notes = notes;
            }

            return _notes;
        }
    }
}

using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Rules;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Health;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.TrackerHealth;
using IssueHygiene.Webhooks;

namespace IssueHygiene.Worker;

/// <summary>
/// Handles one claimed batch for one issue: reads the commands, carries them out (waivers, help), and hands the issue
/// to the same <see cref="IssueProcessor"/> as the sweep — which reads it afresh (the payload may be stale or out of
/// order) — echoing the delivery's event UUID so GitLab does not call back for our own writes, which converge to no
/// writes anyway.
/// </summary>
public sealed partial class IssueLinter(
    IGitLabDirectory directory,
    IGitLabEventEcho echo,
    IHygieneStore store,
    Evaluator evaluator,
    IssueProcessor processor,
    ITrackerCatalogSource catalogs,
    BotIdentity botIdentity,
    NoteCommandReader noteReader,
    ProjectScope scope,
    HygieneOptions options,
    HygieneMetrics metrics,
    TimeProvider time,
    ILogger<IssueLinter> logger)
{
    public async Task<LintResult> LintAsync(ClaimedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.ProjectId is not { } projectId || batch.IssueIid is not { } iid)
        {
            return new LintResult(true);
        }

        // The project id the deliveries name is checked against the scopes through the API, never the payload's path.
        if (!await scope.ContainsAsync(projectId, cancellationToken))
        {
            LogOutOfScope(logger, projectId, iid);
            return new LintResult(true);
        }

        var bot = await botIdentity.GetAsync(cancellationToken);
        var notes = DeliveryBatchReader.Read(batch);
        using var echoScope = notes.EventUuid is { } uuid ? echo.EchoEventUuid(uuid) : null;
        var work = await noteReader.ReadAsync(projectId, iid, notes, bot.Id, bot.Username, cancellationToken);

        var now = time.GetUtcNow();
        var replies = new List<NoteReply>(work.Notices);
        var explain = false;
        var access = new Dictionary<long, GitLabAccessLevel>();
        foreach (var command in work.Commands)
        {
            explain |= command.Command is CommentCommand.Explain;
            if (await AnswerAsync(projectId, iid, command, access, now, cancellationToken) is { } reply)
            {
                replies.Add(reply);
            }
        }

        var context = new ActContext(AuditSources.Delivery(batch.Deliveries[^1].Id), options.DryRun, WriteBudget.Unlimited, bot.Id);
        var request = new IssueRequest
        {
            ProjectId = projectId,
            Iid = iid,
            NotesToScan = work.NotesToScan,
            Explain = explain,
            Replies = replies,
            // "@bot lint" means look again from scratch: the issue's notes, not what the index remembers (a deleted note).
            IgnoreNoteIndex = work.BotLintNoteIds.Count > 0 || work.Commands.Any(c => c.Command is CommentCommand.Lint),
        };
        var outcome = await processor.ProcessAsync(request, catalogs, context, cancellationToken);
        if (outcome.Status == ActStatus.Gone)
        {
            LogIssueGone(logger, projectId, iid);
            return new LintResult(true, Outcome: outcome);
        }

        if (outcome.Verdict is { } verdict)
        {
            metrics.Evaluated(verdict.Violations.Select(v => v.Rule));
            // The dashboard's current state, kept by every path that evaluates an issue (no extra GitLab request).
            await store.Health.ReplaceCurrentFindingsAsync([CurrentFindings.Of(verdict, outcome.SecretFindings.Count > 0)], time.GetUtcNow(), cancellationToken);
        }

        CountWrites(outcome);
        if (outcome.Status == ActStatus.Written && outcome.Writes.Any(w => w.Kind == WriteKind.NoteCreate && w.IsLintNote))
        {
            // After creating a lint note, look again at the issue's notes (not the index): a sweep may have created one
            // at the same moment. The plan keeps the oldest and deletes the rest; when there was no race it writes nothing.
            var verified = await processor.ProcessAsync(new IssueRequest { ProjectId = projectId, Iid = iid, IgnoreNoteIndex = true }, catalogs, context, cancellationToken);
            CountWrites(verified);
            if (verified.Status == ActStatus.Failed)
            {
                outcome = verified;
            }
        }

        LogEvaluated(logger, projectId, iid, outcome.Verdict?.Status, outcome.Verdict?.Violations.Count ?? 0, outcome.Status, outcome.Writes.Count);
        return outcome.Status == ActStatus.Failed
            ? new LintResult(false, outcome.Error ?? "a write failed", outcome)
            : new LintResult(true, Outcome: outcome);
    }

    private void CountWrites(ActOutcome? outcome)
    {
        if (outcome?.Status == ActStatus.Written)
        {
            foreach (var write in outcome.Writes)
            {
                metrics.Wrote(write.Kind.Name());
            }
        }
    }

    /// <summary>Carries out one command; the answer (if any) goes into the sticky note.</summary>
    private async Task<NoteReply?> AnswerAsync(long projectId, long iid, AuthoredCommand authored, Dictionary<long, GitLabAccessLevel> access, DateTimeOffset now, CancellationToken cancellationToken) =>
        authored.Command is CommentCommand.Waive waive
            ? await WaiveAsync(projectId, iid, waive, authored, access, now, cancellationToken)
            : CommandReplies.Answer(authored);

    /// <summary>
    /// Records a waiver from a Developer or more. The author's access is looked up once per author per batch, and only
    /// for a waiver that is otherwise valid, so a long comment costs a bounded number of API calls.
    /// </summary>
    private async Task<NoteReply?> WaiveAsync(long projectId, long iid, CommentCommand.Waive waive, AuthoredCommand authored, Dictionary<long, GitLabAccessLevel> access, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (WaiverRules.CheckRequest(waive, authored.AuthorUsername, evaluator.Policy.TodayAt(now)) is { } refusal)
        {
            return refusal;
        }

        var level = GitLabAccessLevel.None;
        if (authored.AuthorId is { } authorId && !access.TryGetValue(authorId, out level))
        {
            level = await directory.GetEffectiveAccessLevelAsync(IdOrPath.FromId(projectId), authorId, cancellationToken);
            access[authorId] = level;
        }

        if (WaiverRules.CheckAccess(waive, authored.AuthorUsername, level >= GitLabAccessLevel.Developer) is { } denied)
        {
            LogWaiverRefused(logger, projectId, iid, waive.RuleId, level);
            return denied;
        }

        await store.LintNotes.UpsertWaiverAsync(
            new Waiver(projectId, iid, waive.RuleId, waive.Until, waive.Reason, authored.AuthorUsername, now),
            cancellationToken);
        LogWaived(logger, projectId, iid, waive.RuleId, waive.Until);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} issue {Iid} is outside the configured scopes (as GitLab names it); delivery done")]
    private static partial void LogOutOfScope(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} issue {Iid} no longer exists; delivery done")]
    private static partial void LogIssueGone(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated project {ProjectId} issue {Iid}: {Status}, {Findings} findings; {ActStatus} ({Writes} writes)")]
    private static partial void LogEvaluated(ILogger logger, long projectId, long iid, EvaluationStatus? status, int findings, ActStatus actStatus, int writes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiver of {Rule} on project {ProjectId} issue {Iid} refused: access {Access}")]
    private static partial void LogWaiverRefused(ILogger logger, long projectId, long iid, string rule, GitLabAccessLevel access);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {Rule} waived on project {ProjectId} issue {Iid} until {Until}")]
    private static partial void LogWaived(ILogger logger, long projectId, long iid, string rule, DateOnly? until);
}

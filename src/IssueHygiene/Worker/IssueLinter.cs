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
    IGitLabEventEcho echo,
    IHygieneStore store,
    IssueProcessor processor,
    CommentCommandRunner commands,
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

        var (replies, explain) = await commands.RunAsync(projectId, iid, work, onMergeRequest: false, cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} issue {Iid} is outside the configured scopes (as GitLab names it); delivery done")]
    private static partial void LogOutOfScope(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} issue {Iid} no longer exists; delivery done")]
    private static partial void LogIssueGone(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated project {ProjectId} issue {Iid}: {Status}, {Findings} findings; {ActStatus} ({Writes} writes)")]
    private static partial void LogEvaluated(ILogger logger, long projectId, long iid, EvaluationStatus? status, int findings, ActStatus actStatus, int writes);
}

using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Webhooks;
using IssueHygiene.Worker;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// The worker's step for a claimed batch of Merge Request Hook (and MR comment) deliveries: the project is checked
/// against the scopes through the API; the comments the batch names are read from GitLab and their commands
/// (<c>@bot lint|explain|waive</c>) carried out as on issues, by the same <see cref="CommentCommandRunner"/>; then the
/// MR is read from GitLab (the hook does not say who merged) and the <see cref="MergeRequestProcessor"/> keeps its one
/// sticky note current, with the answers in it. Dry run and audit as for issues.
/// </summary>
public sealed partial class MergeRequestWebhookLinter(
    MergeRequestProcessor processor,
    IGitLabClient gitLab,
    BotIdentity botIdentity,
    NoteCommandReader noteReader,
    CommentCommandRunner commands,
    ProjectScope scope,
    HygieneOptions options,
    ILogger<MergeRequestWebhookLinter> logger)
{
    public async Task<LintResult> LintAsync(ClaimedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.ProjectId is not { } projectId || batch.IssueIid is not { } queueIid || !MergeRequestQueueKey.IsMergeRequest(queueIid))
        {
            return new LintResult(true);
        }

        var iid = MergeRequestQueueKey.ToIid(queueIid);
        if (!await scope.ContainsAsync(projectId, cancellationToken))
        {
            return new LintResult(true);
        }

        var bot = await botIdentity.GetAsync(cancellationToken);
        var notes = DeliveryBatchReader.Read(batch);
        using var echo = notes.EventUuid is { } uuid ? gitLab.EchoEventUuid(uuid) : null;
        var context = new ActContext(AuditSources.Delivery(batch.Deliveries[^1].Id), options.DryRun, WriteBudget.Unlimited, bot.Id);
        try
        {
            var work = await noteReader.ReadAsync(projectId, iid, notes, bot.Id, bot.Username, cancellationToken, onMergeRequest: true);
            var (replies, explain) = await commands.RunAsync(projectId, queueIid, work, onMergeRequest: true, cancellationToken);
            var asked = new EvaluationOptions { Explain = explain, Replies = replies };
            var outcome = await processor.ProcessAsync(projectId, iid, work.NotesToScan, context, asked, cancellationToken);
            LogProcessed(logger, projectId, iid, work.Commands.Count, outcome.Status, outcome.Writes.Count);
            return outcome.Status == ActStatus.Failed ? new LintResult(false, outcome.Error) : new LintResult(true);
        }
        catch (GitLabNotFoundException)
        {
            // Deleted (or no longer visible) since the event: nothing left to keep tidy.
            return new LintResult(true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merge request {ProjectId}!{Iid}: {Commands} commands; {Status}, {Writes} writes")]
    private static partial void LogProcessed(ILogger logger, long projectId, long iid, int commands, ActStatus status, int writes);
}

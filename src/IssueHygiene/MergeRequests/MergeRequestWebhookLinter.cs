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
/// The worker's step for a claimed batch of Merge Request Hook deliveries: the project is checked against the scopes
/// through the API, the MR read from GitLab (the hook does not say who merged), then the
/// <see cref="MergeRequestProcessor"/> keeps its one sticky note current. Dry run and audit as for issues.
/// </summary>
public sealed partial class MergeRequestWebhookLinter(
    MergeRequestProcessor processor,
    IGitLabClient gitLab,
    BotIdentity botIdentity,
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
        using var echo = batch.Deliveries[^1].EventUuid is { } uuid ? gitLab.EchoEventUuid(uuid) : null;
        var context = new ActContext(AuditSources.Delivery(batch.Deliveries[^1].Id), options.DryRun, WriteBudget.Unlimited, bot.Id);
        try
        {
            var outcome = await processor.ProcessAsync(projectId, iid, context, options: null, cancellationToken);
            LogProcessed(logger, projectId, iid, outcome.Status, outcome.Writes.Count);
            return outcome.Status == ActStatus.Failed ? new LintResult(false, outcome.Error) : new LintResult(true);
        }
        catch (GitLabNotFoundException)
        {
            // Deleted (or no longer visible) since the event: nothing left to keep tidy.
            return new LintResult(true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merge request {ProjectId}!{Iid}: {Status}, {Writes} writes")]
    private static partial void LogProcessed(ILogger logger, long projectId, long iid, ActStatus status, int writes);
}

using IssueHygiene.GitLab.Errors;
using IssueHygiene.Health;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Worker;

/// <summary>
/// The hosted service that drains the delivery queue: <see cref="LintWorkerOptions.Concurrency"/> loops, each claiming
/// every ready delivery of one issue, waiting out the debounce, and handing the batch to the <see cref="IssueLinter"/>.
/// Failures retry with backoff and end as dead letters; on shutdown an unfinished claim is released, not counted.
/// </summary>
public sealed partial class LintWorker(
    IHygieneStore store,
    IssueLinter linter,
    LintWorkerSignal signal,
    LintWorkerOptions options,
    HygieneMetrics metrics,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LintWorker> logger,
    MergeRequests.MergeRequestWebhookLinter? mergeRequests = null) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start before the server: wait until Kestrel listens (so a port that cannot be bound stops
        // the process before any delivery is claimed or any GitLab call made).
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        LogStarted(logger, options.Concurrency, options.Debounce);
        var loops = Enumerable.Range(0, options.Concurrency).Select(i => RunLoopAsync($"{_workerId}#{i}", stoppingToken)).ToList();
        await Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await store.Deliveries.ClaimAsync(workerId, options.VisibilityTimeout, stoppingToken);
                if (batch is null)
                {
                    await signal.WaitAsync(options.IdlePoll, stoppingToken);
                    continue;
                }

                if (DebounceLeft(batch) is { } wait)
                {
                    // Give the claim back and let the burst settle; whichever loop claims the issue next sees all of it.
                    await store.Deliveries.ReleaseAsync(batch.ClaimToken, CancellationToken.None);
                    await Task.Delay(wait, time, stoppingToken);
                    continue;
                }

                await ProcessAsync(batch, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StorageUnavailableException or System.Data.Common.DbException or IOException)
            {
                // The store hiccuped (locked, disk): wait and try again rather than end the loop.
                LogStoreError(logger, e.Message);
                await DelayQuietlyAsync(options.IdlePoll, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(ClaimedBatch batch, CancellationToken stoppingToken)
    {
        var first = batch.Deliveries[0];
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["DeliveryId"] = batch.Deliveries.Count == 1 ? first.Id : $"{first.Id}..{batch.Deliveries[^1].Id}",
            ["ProjectId"] = batch.ProjectId,
            ["Iid"] = batch.IssueIid,
        });
        LintResult result;
        try
        {
            result = mergeRequests is not null && MergeRequests.MergeRequestQueueKey.IsMergeRequest(batch.IssueIid)
                ? await mergeRequests.LintAsync(batch, stoppingToken)
                : await linter.LintAsync(batch, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.Deliveries.ReleaseAsync(batch.ClaimToken, CancellationToken.None);
            LogReleased(logger, batch.Deliveries.Count);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // GitLab down, a timeout, or a bug on this payload: all retried, and dead-lettered if they keep failing.
            result = new LintResult(false, e is GitLabException ? e.Message : $"{e.GetType().Name}: {e.Message}");
            if (e is not GitLabException and not OperationCanceledException)
            {
                LogUnexpected(logger, e);
            }
        }

        if (result.Succeeded)
        {
            var completed = await store.Deliveries.CompleteAsync(batch.ClaimToken, CancellationToken.None);
            if (completed == ClaimOutcome.Applied)
            {
                metrics.DeliveriesProcessed(batch.Deliveries.Count);
            }
            else
            {
                LogClaimLost(logger, batch.Deliveries.Count);
            }

            return;
        }

        var failed = await store.Deliveries.FailAsync(batch.ClaimToken, result.Error ?? "failed", options.RetryPolicy, CancellationToken.None);
        metrics.DeliveriesFailed(batch.Deliveries.Count);
        metrics.DeliveriesDeadLettered(failed.DeadLettered);
        LogFailed(logger, batch.Deliveries.Count, result.Error ?? "failed", failed.RetryScheduled, failed.DeadLettered, failed.NextAttemptAt);
    }

    private TimeSpan? DebounceLeft(ClaimedBatch batch)
    {
        var now = time.GetUtcNow();
        var newest = batch.Deliveries.Max(d => d.ReceivedAt);
        var oldest = batch.Deliveries.Min(d => d.ReceivedAt);
        var quiet = now - newest;
        return quiet < options.Debounce && now - oldest < options.MaxDebounce ? options.Debounce - quiet : null;
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lint worker started: {Concurrency} loops, debounce {Debounce}")]
    private static partial void LogStarted(ILogger logger, int concurrency, TimeSpan debounce);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: released {Count} unprocessed deliveries")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deliveries failed ({Error}): {Retried} retried at {NextAttemptAt}, {Dead} dead-lettered")]
    private static partial void LogFailed(ILogger logger, int count, string error, int retried, int dead, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim on {Count} deliveries was lost (expired and taken over); not recorded as done here")]
    private static partial void LogClaimLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error while linting")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store error in the lint worker: {Error}; retrying")]
    private static partial void LogStoreError(ILogger logger, string error);
}

using IssueHygiene.Storage;

namespace IssueHygiene.Worker;

/// <summary>
/// Deletes processed deliveries older than <see cref="LintWorkerOptions.DeliveryRetention"/>, at start-up and then
/// every <see cref="LintWorkerOptions.DeliveryPurgeInterval"/>, so the queue table does not grow without bound. Every replica may run it: deleting twice is harmless.
/// </summary>
public sealed partial class DeliveryPurger(IHygieneStore store, LintWorkerOptions options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DeliveryPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await store.Deliveries.PurgeDoneAsync(time.GetUtcNow() - options.DeliveryRetention, stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged, options.DeliveryRetention);
                }
            }
            catch (Exception e) when (e is StorageUnavailableException or System.Data.Common.DbException or IOException)
            {
                LogFailed(logger, e.Message);
            }

            try
            {
                await Task.Delay(options.DeliveryPurgeInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} processed deliveries older than {Retention}")]
    private static partial void LogPurged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging processed deliveries failed ({Error}); trying again later")]
    private static partial void LogFailed(ILogger logger, string error);
}

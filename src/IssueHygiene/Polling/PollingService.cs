using IssueHygiene.Storage;

namespace IssueHygiene.Polling;

/// <summary>
/// The hosted service behind <c>Poll:Interval</c>: polls at once on start, then every interval, while this replica holds
/// the <c>poll</c> lease. The lease is kept across ticks (each tick renews it) and released on shutdown, so with
/// several replicas exactly one polls, and a dead holder's lease expires for another to take over from the watermark.
/// </summary>
public sealed partial class PollingService(
    IssuePoller poller,
    IHygieneStore store,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<PollingService> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    public const string LeaseName = "poll";

    private readonly Scheduling.LeaseHolder _lease = new(store.Leases, LeaseName, schedule.LeaseTtl);
    private bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first poll (a failed start-up polls nothing).
        await Task.Yield();
        if (lifetime is not null && !await Worker.HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        if (poller.Scopes.Count == 0)
        {
            LogNoScopes(logger);
            return;
        }

        LogStarted(logger, schedule.Interval, poller.Scopes.Count);
        if (schedule.Interval < TimeSpan.FromSeconds(10))
        {
            LogTestOnlyInterval(logger, schedule.Interval);
        }

        using var timer = new PeriodicTimer(schedule.Interval, time);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await _lease.TryAcquireAsync(cancellationToken);
            if (!lease.Acquired)
            {
                if (_holding)
                {
                    LogLeaseLost(logger, lease.Current.Holder);
                }

                _holding = false;
                LogLeaseHeld(logger, lease.Current.Holder);
                return;
            }

            _holding = true;
            foreach (var result in await poller.PollOnceAsync(cancellationToken))
            {
                if (result.Succeeded)
                {
                    LogPolled(logger, result.Scope.Key, result.UpdatedAfter, result.Listed, result.Queued, result.Watermark);
                }
            }
        }
        catch (Exception e) when (e is StorageUnavailableException or System.Data.Common.DbException or IOException)
        {
            // The store hiccuped while taking the lease: try again at the next tick.
            LogStoreError(logger, e.Message);
        }
    }

    private async Task ReleaseAsync()
    {
        if (!_holding)
        {
            return;
        }

        try
        {
            await _lease.ReleaseAsync();
        }
        catch (Exception e) when (e is StorageUnavailableException or System.Data.Common.DbException or IOException or ObjectDisposedException)
        {
            // The lease then expires by itself.
            LogStoreError(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling every {Interval} over {ScopeCount} scopes")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval, int scopeCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling every {Interval}, below the 10 s minimum (Poll:TestOnlyInterval): for tests only")]
    private static partial void LogTestOnlyInterval(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll:Interval is set but no Scopes are configured: nothing to poll")]
    private static partial void LogNoScopes(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll skipped: replica {Holder} holds the poll lease")]
    private static partial void LogLeaseHeld(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The poll lease passed to replica {Holder} (this one was too slow to renew it)")]
    private static partial void LogLeaseLost(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {Scope} updated after {UpdatedAfter}: {Listed} listed, {Queued} queued; watermark {Watermark}")]
    private static partial void LogPolled(ILogger logger, string scope, DateTimeOffset updatedAfter, int listed, int queued, DateTimeOffset watermark);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store error in the poller: {Error}; retrying at the next tick")]
    private static partial void LogStoreError(ILogger logger, string error);
}

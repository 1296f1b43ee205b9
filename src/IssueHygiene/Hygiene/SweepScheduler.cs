using IssueHygiene.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Hygiene;

/// <summary>
/// The nightly sweep in <c>serve</c>: waits for each <c>Schedule:Cron</c> time in <c>Schedule:TimeZone</c> (on the
/// injected clock) and starts the sweep; at start-up, runs once if a scheduled time was missed while the process was
/// down (<c>Schedule:RunMissed</c>). A failed sweep is logged and the schedule goes on.
/// </summary>
public sealed partial class SweepScheduler(IScheduledSweep sweep, HygieneOptions options, TimeProvider time, ILogger<SweepScheduler> logger) : BackgroundService
{
    private long _nextRunTicks;

    /// <summary>When the next scheduled sweep starts (null while none is being waited for), for <c>/status</c>.</summary>
    public DateTimeOffset? NextRunAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextRunTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Schedule.Cron))
        {
            LogDisabled(logger);
            return;
        }

        // Options were validated at start-up; a bad schedule cannot get here.
        var schedule = SweepSchedule.TryCreate(options.Schedule.Cron, options.Schedule.TimeZone, out var error)
            ?? throw new InvalidOperationException(error);

        if (options.Schedule.RunMissed && schedule.Missed(await sweep.LastSuccessfulStartAsync(stoppingToken), time.GetUtcNow()))
        {
            LogMissedRun(logger);
            await RunGuardedAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.NextAfter(now) is not { } next)
            {
                return;
            }

            LogNext(logger, next);
            var delay = Task.Delay(next - now, time, stoppingToken);
            Interlocked.Exchange(ref _nextRunTicks, next.UtcTicks);
            await delay;
            Interlocked.Exchange(ref _nextRunTicks, 0);
            await RunGuardedAsync(stoppingToken);
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sweep.RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly sweep disabled (Schedule:Cron is empty)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "A scheduled sweep was missed while the service was down; sweeping now")]
    private static partial void LogMissedRun(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled sweep at {Next:o}")]
    private static partial void LogNext(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled sweep failed; the schedule goes on")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

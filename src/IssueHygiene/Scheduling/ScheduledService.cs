using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Scheduling;

/// <summary>
/// The one cron loop of <c>serve</c> (the nightly sweep, the weekly milestone plan): waits for each occurrence of the
/// schedule on the injected clock (a long wait made of waits of at most a day, re-reading the clock between them),
/// runs the job, and goes on when a run fails. Optionally runs once at start-up when an occurrence was missed while the
/// process was down. Which replica runs is the job's business: each guards its run with a lease (<see cref="LeaseHolder"/>).
/// In a host (<paramref name="lifetime"/> given) nothing runs before the host has started: a start-up that fails (the
/// port taken, say) ends with its one error line, not with a job cancelled half-way.
/// </summary>
public abstract partial class ScheduledService(TimeProvider time, ILogger logger, IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    // Timers take at most ~49 days; a long wait is made of shorter ones, re-reading the clock between them.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private long _nextRunTicks;

    /// <summary>The service's clock (a fake one in tests).</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>When the next scheduled run starts (null while none is being waited for), for <c>/status</c>.</summary>
    public DateTimeOffset? NextRunAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextRunTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>What the job is called in logs ("nightly sweep").</summary>
    protected abstract string JobName { get; }

    /// <summary>The schedule; null disables the job (an empty cron setting).</summary>
    protected abstract CronSchedule? Schedule();

    /// <summary>One run of the job.</summary>
    protected abstract Task RunJobAsync(CancellationToken cancellationToken);

    /// <summary>True when a run should happen at once because one was missed while the process was down.</summary>
    protected virtual Task<bool> MissedRunAsync(CronSchedule schedule, CancellationToken cancellationToken) => Task.FromResult(false);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (lifetime is not null && !await Worker.HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        if (Schedule() is not { } schedule)
        {
            LogDisabled(Logger, JobName);
            return;
        }

        try
        {
            if (await MissedRunAsync(schedule, stoppingToken))
            {
                LogMissedRun(Logger, JobName);
                await RunGuardedAsync(stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                if (schedule.NextAfter(Time.GetUtcNow()) is not { } next)
                {
                    LogNeverAgain(Logger, JobName, schedule.Text);
                    return;
                }

                LogNext(Logger, JobName, next);
                for (var wait = next - Time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - Time.GetUtcNow())
                {
                    // The timer exists before NextRunAt says so: whoever watches NextRunAt may advance a fake clock.
                    var delay = Task.Delay(wait < LongestWait ? wait : LongestWait, Time, stoppingToken);
                    Interlocked.Exchange(ref _nextRunTicks, next.UtcTicks);
                    await delay;
                }

                Interlocked.Exchange(ref _nextRunTicks, 0);
                await RunGuardedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunJobAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One bad run (GitLab down, a bug) must not end the schedule for the life of the process.
            LogRunFailed(Logger, JobName, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Job} is not scheduled (its cron setting is empty)")]
    private static partial void LogDisabled(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "A scheduled {Job} was missed while the service was down; running it now")]
    private static partial void LogMissedRun(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next {Job} at {Next:o}")]
    private static partial void LogNext(ILogger logger, string job, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Job} schedule {Cron} has no further occurrence: it stops")]
    private static partial void LogNeverAgain(ILogger logger, string job, string cron);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled {Job} failed; the schedule goes on")]
    private static partial void LogRunFailed(ILogger logger, string job, Exception exception);
}

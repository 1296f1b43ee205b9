using IssueHygiene.Hosting;
using IssueHygiene.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Sweeping;

/// <summary>
/// The nightly sweep in <c>serve</c>: at each <c>Schedule:Cron</c> time in <c>Schedule:TimeZone</c> (on the injected
/// clock) it starts the lease-guarded sweep (<see cref="IScheduledSweep"/>); at start-up, runs once if a scheduled
/// time was missed while the process was down (<c>Schedule:RunMissed</c>). A failed sweep is logged and the schedule
/// goes on.
/// </summary>
public sealed class SweepScheduler(
    IScheduledSweep sweep, HygieneOptions options, TimeProvider time, ILogger<SweepScheduler> logger, IHostApplicationLifetime? lifetime = null)
    : ScheduledService(time, logger, lifetime)
{
    protected override string JobName => "nightly sweep";

    protected override CronSchedule? Schedule() =>
        string.IsNullOrWhiteSpace(options.Schedule.Cron)
            ? null
            // Options were validated at start-up; a bad schedule cannot get here.
            : CronSchedule.TryCreate(options.Schedule.Cron, options.Schedule.TimeZone, out var error) ?? throw new InvalidOperationException(error);

    protected override async Task<bool> MissedRunAsync(CronSchedule schedule, CancellationToken cancellationToken) =>
        options.Schedule.RunMissed && schedule.Missed(await sweep.LastSuccessfulStartAsync(cancellationToken), Time.GetUtcNow());

    protected override Task RunJobAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

using Cronos;
using IssueHygiene.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// Runs the sprint milestone planning in <c>serve</c> on <c>Milestones:PlanCron</c> (default weekly), read in
/// <c>Schedule:TimeZone</c>. Time comes from the injected <see cref="TimeProvider"/>; a failed run is logged and the
/// next occurrence still comes.
/// </summary>
public sealed partial class MilestonePlanScheduler(
    IMilestonePlanJob job,
    IOptions<MilestonePlanOptions> options,
    HygieneOptions hygieneOptions,
    TimeProvider time,
    ILogger<MilestonePlanScheduler> logger) : BackgroundService
{
    // Timers take at most ~49 days; a long wait is made of shorter ones, re-reading the clock between them.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cronText = options.Value.PlanCron;
        if (string.IsNullOrWhiteSpace(cronText))
        {
            LogDisabled(logger);
            return;
        }

        var cron = CronExpression.Parse(cronText);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hygieneOptions.Schedule.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (cron.GetNextOccurrence(time.GetUtcNow(), zone) is not { } next)
            {
                LogNeverAgain(logger, cronText);
                return;
            }

            LogNextRun(logger, next);
            try
            {
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                {
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, time, stoppingToken);
                }

                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One bad run (GitLab down, a bug) must not end the schedule for the life of the process.
                LogRunFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Milestones:PlanCron is empty: sprint milestones are not planned on a schedule")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Milestones:PlanCron {Cron} has no further occurrence: planning stops")]
    private static partial void LogNeverAgain(ILogger logger, string cron);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Next sprint milestone planning at {Next}")]
    private static partial void LogNextRun(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sprint milestone planning failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}

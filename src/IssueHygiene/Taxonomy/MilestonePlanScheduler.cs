using IssueHygiene.Hosting;
using IssueHygiene.Scheduling;
using IssueHygiene.Storage.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Taxonomy;

/// <summary>
/// Runs the sprint milestone planning in <c>serve</c> on <c>Milestones:PlanCron</c> (default weekly), read in
/// <c>Schedule:TimeZone</c>, through the same cron loop as the nightly sweep. Only the replica that holds the
/// <c>milestone-plan</c> lease plans, so several replicas never create the same milestones
/// twice. Time comes from the injected <see cref="TimeProvider"/>; a failed run is logged and the next occurrence
/// still comes.
/// </summary>
public sealed partial class MilestonePlanScheduler(
    IMilestonePlanJob job,
    IOptions<MilestonePlanOptions> options,
    HygieneOptions hygieneOptions,
    ILeaseStore leases,
    TimeProvider time,
    ILogger<MilestonePlanScheduler> logger,
    IHostApplicationLifetime? lifetime = null) : ScheduledService(time, logger, lifetime)
{
    public const string LeaseName = "milestone-plan";

    // A plan is a few requests per group: an hour's lease outlasts it without renewal, and a holder that dies frees
    // the plan for the next occurrence anyway.
    private readonly LeaseHolder _lease = new(leases, LeaseName, TimeSpan.FromHours(1));

    protected override string JobName => "sprint milestone planning";

    protected override CronSchedule? Schedule() =>
        string.IsNullOrWhiteSpace(options.Value.PlanCron)
            ? null
            : CronSchedule.TryCreate(options.Value.PlanCron, hygieneOptions.Schedule.TimeZone, out var error, "Milestones:PlanCron")
              ?? throw new InvalidOperationException(error);

    protected override async Task RunJobAsync(CancellationToken cancellationToken)
    {
        if (!await _lease.RunIfAcquiredAsync(job.RunAsync, Time, cancellationToken, renew: false))
        {
            LogLeaseHeld(Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sprint milestone planning skipped: another replica holds the milestone-plan lease")]
    private static partial void LogLeaseHeld(ILogger logger);
}

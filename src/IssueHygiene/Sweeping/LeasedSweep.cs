using IssueHygiene.Hosting;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Sweeps;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Sweeping;

/// <summary>
/// The scheduled sweep, guarded by the storage lease <c>nightly-sweep</c> so only one replica sweeps; the lease is
/// renewed while the sweep runs and given up after, and a dead holder's lease expires for another to take (which
/// then resumes the interrupted run from its checkpoint). A replica that finds the lease held keeps watching it until
/// it is released (the sweep ended: nothing to do) or expires with the run unfinished (the holder died: resume it).
/// </summary>
public sealed partial class LeasedSweep(
    SweepRunner runner,
    IHygieneStore store,
    HygieneOptions options,
    TimeProvider time,
    ILogger<LeasedSweep> logger,
    Health.HygieneMetrics? metrics = null) : IScheduledSweep
{
    public const string LeaseName = "nightly-sweep";

    private readonly Scheduling.LeaseHolder _lease = new(store.Leases, LeaseName, options.Schedule.LeaseTtl);

    /// <summary>The sweep's last outcome (for /status).</summary>
    public SweepResult? LastResult { get; private set; }

    public IReadOnlyList<SweepScope> Scopes => HygieneServiceCollectionExtensions.ScopesFrom(options, null, null);

    public async Task<DateTimeOffset?> LastSuccessfulStartAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? oldest = null;
        foreach (var scope in Scopes)
        {
            var last = await store.Sweeps.GetLastSuccessfulStartAsync(scope.Key, cancellationToken);
            if (last is null)
            {
                return null;
            }

            oldest = oldest is null || last < oldest ? last : oldest;
        }

        return oldest;
    }

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var lease = await _lease.TryAcquireAsync(cancellationToken);
        if (!lease.Acquired)
        {
            LogLeaseHeld(logger, lease.Current.Holder);
            return await WatchAndTakeOverAsync(cancellationToken);
        }

        return await SweepHoldingLeaseAsync(cancellationToken);
    }

    private TimeSpan LeaseTtl => options.Schedule.LeaseTtl;

    /// <summary>
    /// Waits while another replica holds the lease. Once this replica gets it, an unfinished run of a scope means the
    /// holder died mid-sweep: resume it here. No unfinished run means the holder finished: stand down.
    /// </summary>
    private async Task<bool> WatchAndTakeOverAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(LeaseTtl / 3, time, cancellationToken);
            var lease = await _lease.TryAcquireAsync(cancellationToken);
            if (!lease.Acquired)
            {
                continue;
            }

            if (await HasUnfinishedRunAsync(cancellationToken))
            {
                LogTakingOver(logger);
                return await SweepHoldingLeaseAsync(cancellationToken);
            }

            await _lease.ReleaseAsync();
            return false;
        }
    }

    private async Task<bool> HasUnfinishedRunAsync(CancellationToken cancellationToken)
    {
        foreach (var scope in Scopes)
        {
            // Only a run left Running was interrupted; a Failed one ended on its own terms and waits for the schedule.
            if (await store.Sweeps.GetResumableAsync(scope.Key, cancellationToken) is { Status: SweepStatus.Running })
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> SweepHoldingLeaseAsync(CancellationToken cancellationToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(renewing.Token);
        try
        {
            var request = new SweepRequest
            {
                Scopes = Scopes,
                DryRun = options.DryRun,
                Incremental = options.Schedule.Incremental,
                MaxWrites = options.MaxWritesPerRun,
                KeepReportEntries = false,
            };
            LastResult = await runner.RunAsync(request, ISweepObserver.None, renewing.Token);
            metrics?.SweepFinished(LastResult.Duration, LastResult.Report.Failures.Count);
            LogSwept(logger, LastResult.Report.IssueCount, LastResult.Report.WriteCount, LastResult.Duration.TotalSeconds);
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await _lease.ReleaseAsync();
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (!await _lease.KeepRenewedAsync(time, cancellationToken))
        {
            LogLeaseLost(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sweep skipped: replica {Holder} holds the sweep lease")]
    private static partial void LogLeaseHeld(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep lease expired with its sweep unfinished (its replica died): resuming the sweep here")]
    private static partial void LogTakingOver(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep lease was lost while sweeping (store unreachable or expired)")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sweep done: {Issues} issues, {Writes} writes, {Seconds:F1} s")]
    private static partial void LogSwept(ILogger logger, int issues, int writes, double seconds);
}

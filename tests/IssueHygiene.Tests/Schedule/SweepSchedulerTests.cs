using IssueHygiene.Hosting;
using IssueHygiene.Sweeping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Schedule;

/// <summary>The scheduler loop on a fake clock: runs at the cron time, catches up a missed run, survives a failure.</summary>
public sealed class SweepSchedulerTests
{
    private sealed class CountingSweep(DateTimeOffset? lastStart, bool fail = false) : IScheduledSweep
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public Task<DateTimeOffset?> LastSuccessfulStartAsync(CancellationToken cancellationToken) => Task.FromResult(lastStart);

        public Task<bool> RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return fail ? throw new InvalidOperationException("GitLab is down") : Task.FromResult(true);
        }
    }

    private static HygieneOptions Options(bool runMissed) => new() { Schedule = new ScheduleOptions { Cron = "0 3 * * *", TimeZone = "UTC", RunMissed = runMissed } };

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.AssertAsync(condition, TimeSpan.FromSeconds(10), "the scheduler reached the expected state");

    /// <summary>Waits until the scheduler sleeps until <paramref name="at"/> (its timer exists), so advancing the clock wakes it.</summary>
    private static Task WaitForTimerAsync(SweepScheduler scheduler, DateTimeOffset at) => WaitUntilAsync(() => scheduler.NextRunAt == at);

    private static readonly DateTimeOffset ThreeOClock = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Scheduler_ClockReachesCronTime_RunsOncePerOccurrence()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 59, 0, TimeSpan.Zero));
        var sweep = new CountingSweep(lastStart: new DateTimeOffset(2026, 11, 22, 3, 0, 1, TimeSpan.Zero));
        using var scheduler = new SweepScheduler(sweep, Options(runMissed: true), clock, NullLogger<SweepScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitForTimerAsync(scheduler, ThreeOClock);
        Assert.Equal(0, sweep.Runs);

        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => sweep.Runs == 1);
        Assert.Equal(1, sweep.Runs);

        await WaitForTimerAsync(scheduler, ThreeOClock.AddDays(1));
        // The fake clock fires due timers inside Advance: an hour short of the next run, the scheduler is still waiting.
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(ThreeOClock.AddDays(1), scheduler.NextRunAt);
        Assert.Equal(1, sweep.Runs);

        clock.Advance(TimeSpan.FromHours(1));
        await WaitUntilAsync(() => sweep.Runs == 2);
        Assert.Equal(2, sweep.Runs);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_MissedRunAndRunMissed_SweepsAtStartUp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var sweep = new CountingSweep(lastStart: new DateTimeOffset(2026, 11, 22, 3, 0, 1, TimeSpan.Zero));
        using var scheduler = new SweepScheduler(sweep, Options(runMissed: true), clock, NullLogger<SweepScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => sweep.Runs == 1);

        Assert.Equal(1, sweep.Runs);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_MissedRunWithoutRunMissed_WaitsForTheNextTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var sweep = new CountingSweep(lastStart: null);
        using var scheduler = new SweepScheduler(sweep, Options(runMissed: false), clock, NullLogger<SweepScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitForTimerAsync(scheduler, ThreeOClock.AddDays(1));

        Assert.Equal(0, sweep.Runs);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_SweepFails_TheScheduleGoesOn()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 59, 0, TimeSpan.Zero));
        var sweep = new CountingSweep(lastStart: new DateTimeOffset(2026, 11, 22, 3, 0, 1, TimeSpan.Zero), fail: true);
        using var scheduler = new SweepScheduler(sweep, Options(runMissed: false), clock, NullLogger<SweepScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await WaitForTimerAsync(scheduler, ThreeOClock);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => sweep.Runs == 1);
        await WaitForTimerAsync(scheduler, ThreeOClock.AddDays(1));
        clock.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(() => sweep.Runs == 2);

        Assert.Equal(2, sweep.Runs);
        await scheduler.StopAsync(CancellationToken.None);
    }
}

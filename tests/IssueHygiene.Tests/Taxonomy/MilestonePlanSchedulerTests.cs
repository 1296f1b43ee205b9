using IssueHygiene.Hosting;
using IssueHygiene.Storage.Leases;
using IssueHygiene.Tests.Schedule;
using IssueHygiene.Taxonomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary>The weekly planning schedule of <c>serve</c>, on a fake clock.</summary>
public sealed class MilestonePlanSchedulerTests
{
    // Sunday 22 November 2026, noon UTC.
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Records when it ran (by the fake clock); can fail its first run.</summary>
    private sealed class RecordingJob(TimeProvider time, bool failFirst = false) : IMilestonePlanJob
    {
        private readonly List<DateTimeOffset> _runs = [];

        public IReadOnlyList<DateTimeOffset> Runs
        {
            get { lock (_runs) { return [.. _runs]; } }
        }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            int count;
            lock (_runs)
            {
                _runs.Add(time.GetUtcNow());
                count = _runs.Count;
            }

            return failFirst && count == 1 ? throw new InvalidOperationException("GitLab was down") : Task.CompletedTask;
        }
    }

    private static MilestonePlanScheduler Scheduler(IMilestonePlanJob job, TimeProvider clock, string cron = "0 6 * * 1", string timeZone = "UTC", ILeaseStore? leases = null) =>
        new(job, Options.Create(new MilestonePlanOptions { PlanCron = cron }),
            new HygieneOptions { Schedule = new ScheduleOptions { TimeZone = timeZone } }, leases ?? new InMemoryLeaseStore(clock), clock, NullLogger<MilestonePlanScheduler>.Instance);

    /// <summary>A fake clock that tells when a timer is armed and for how long, so a test can step exactly to it.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _armed.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>The due time of the next timer armed (the scheduler waiting again means its last run is over).</summary>
        public async Task<TimeSpan> NextTimerAsync() => await _armed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Steps the clock from timer to timer until the job has run <paramref name="runs"/> times.</summary>
    private static async Task RunUntilAsync(SteppingClock clock, RecordingJob job, int runs)
    {
        var end = clock.GetUtcNow() + TimeSpan.FromDays(60);
        while (true)
        {
            var due = await clock.NextTimerAsync();
            if (job.Runs.Count >= runs || clock.GetUtcNow() >= end)
            {
                return;
            }

            clock.Advance(due);
        }
    }

    [Fact]
    public async Task ExecuteAsync_DefaultCron_RunsOnMondaysAtSixEveryWeek()
    {
        var clock = new SteppingClock(Sunday);
        var job = new RecordingJob(clock);
        using var scheduler = Scheduler(job, clock, new MilestonePlanOptions().PlanCron);
        await scheduler.StartAsync(CancellationToken.None);

        await RunUntilAsync(clock, job, runs: 2);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal([new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)], job.Runs);
    }

    [Fact]
    public async Task ExecuteAsync_BeforeTheOccurrence_DoesNotRun()
    {
        var clock = new SteppingClock(Sunday);
        var job = new RecordingJob(clock);
        using var scheduler = Scheduler(job, clock);
        await scheduler.StartAsync(CancellationToken.None);

        var due = await clock.NextTimerAsync();
        Assert.Equal(TimeSpan.FromHours(18), due);
        clock.Advance(due - TimeSpan.FromMinutes(1));
        Assert.Empty(job.Runs);

        clock.Advance(TimeSpan.FromMinutes(1));
        await clock.NextTimerAsync();

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal([new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)], job.Runs);
    }

    [Fact]
    public async Task ExecuteAsync_ScheduleTimeZone_ReadsTheCronInLocalTime()
    {
        var clock = new SteppingClock(Sunday);
        var job = new RecordingJob(clock);
        using var scheduler = Scheduler(job, clock, timeZone: "Europe/Amsterdam");
        await scheduler.StartAsync(CancellationToken.None);

        await RunUntilAsync(clock, job, runs: 1);
        await scheduler.StopAsync(CancellationToken.None);

        // 06:00 in Amsterdam (UTC+1 in November) is 05:00 UTC.
        Assert.Equal([new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero)], job.Runs);
    }

    [Fact]
    public async Task ExecuteAsync_RunFails_NextWeekStillRuns()
    {
        var clock = new SteppingClock(Sunday);
        var job = new RecordingJob(clock, failFirst: true);
        using var scheduler = Scheduler(job, clock);
        await scheduler.StartAsync(CancellationToken.None);

        await RunUntilAsync(clock, job, runs: 2);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(2, job.Runs.Count);
        Assert.False(scheduler.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task ExecuteAsync_TwoReplicas_OnlyTheLeaseHolderPlans()
    {
        var clock = new SteppingClock(Sunday);
        var leases = new InMemoryLeaseStore(clock);
        // The other replica holds the lease when the occurrence comes (it is planning right now).
        Assert.True((await leases.TryAcquireAsync(MilestonePlanScheduler.LeaseName, "other-replica", TimeSpan.FromDays(2))).Acquired);
        var job = new RecordingJob(clock);
        using var scheduler = Scheduler(job, clock, leases: leases);
        await scheduler.StartAsync(CancellationToken.None);

        clock.Advance(await clock.NextTimerAsync());
        // Waiting again (towards next week): its turn came and went without planning.
        var due = await clock.NextTimerAsync();
        Assert.Empty(job.Runs);
        await leases.ReleaseAsync(MilestonePlanScheduler.LeaseName, "other-replica");
        clock.Advance(due);
        await RunUntilAsync(clock, job, runs: 1);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal([new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)], job.Runs);
        Assert.Null(await leases.GetAsync(MilestonePlanScheduler.LeaseName));
    }

    [Fact]
    public async Task ExecuteAsync_EmptyCron_NeverRuns()
    {
        var clock = new SteppingClock(Sunday);
        var job = new RecordingJob(clock);
        using var scheduler = Scheduler(job, clock, cron: "");

        await scheduler.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(30));

        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(job.Runs);
    }

    [Fact]
    public void AddMilestonePlanScheduler_InvalidCron_FailsValidationAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Milestones:PlanCron"] = "every monday" }).Build();
        using var services = new ServiceCollection().AddMilestonePlanScheduler(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MilestonePlanOptions>>().Value);

        Assert.Contains("Milestones:PlanCron", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMilestonePlanScheduler_NoConfiguration_DefaultsToWeekly()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddMilestonePlanScheduler(configuration).BuildServiceProvider();

        Assert.Equal("0 6 * * 1", services.GetRequiredService<IOptions<MilestonePlanOptions>>().Value.PlanCron);
    }
}

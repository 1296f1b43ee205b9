using IssueHygiene.Hosting;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;
using IssueHygiene.Tests.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Tests.Schedule;

/// <summary>Only the replica holding the <c>nightly-sweep</c> lease sweeps.</summary>
[Trait("Category", "Slow")]
public sealed class LeasedSweepTests
{
    [Fact]
    public async Task RunAsync_LeaseHeldElsewhereByAReplicaThatFinished_StandsDownWithoutSweeping()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 20);
        var settings = harness.Configuration(dryRun: true);
        settings["Schedule:LeaseTtl"] = "00:00:03";
        var configuration = AppConfiguration.Build(settings);
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddIssueHygiene(configuration, AppConfiguration.BindOptions(configuration))
            .BuildServiceProvider();
        var store = services.GetRequiredService<IHygieneStore>();
        await store.InitializeAsync();
        var sweep = services.GetRequiredService<LeasedSweep>();
        // Another replica holds the lease (and has no unfinished run): this one watches until it is free, then stands down.
        await store.Leases.TryAcquireAsync(LeasedSweep.LeaseName, "other-replica", TimeSpan.FromSeconds(3));

        Assert.False(await sweep.RunAsync(CancellationToken.None));
        Assert.DoesNotContain(harness.Simulator.RequestLog.Entries, e => e.Path.Contains("/issues", StringComparison.Ordinal));

        Assert.True(await sweep.RunAsync(CancellationToken.None));
        Assert.Equal(20, sweep.LastResult!.Report.IssueCount + harness.Simulator.State.Issues().Count(i => i.State != "opened"));
        Assert.Null(await store.Leases.GetAsync(LeasedSweep.LeaseName));
    }
}

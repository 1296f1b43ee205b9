using IssueHygiene.Hosting;
using IssueHygiene.Hygiene;
using IssueHygiene.Storage;
using IssueHygiene.Tests.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Tests.Schedule;

/// <summary>Only the replica holding the <c>nightly-sweep</c> lease sweeps.</summary>
public sealed class LeasedSweepTests
{
    [Fact]
    public async Task RunAsync_LeaseHeldElsewhere_DoesNotSweepUntilItIsFree()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 20);
        var configuration = AppConfiguration.Build(harness.Configuration(dryRun: true));
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddIssueHygiene(configuration, AppConfiguration.BindOptions(configuration))
            .BuildServiceProvider();
        var store = services.GetRequiredService<IHygieneStore>();
        await store.InitializeAsync();
        var sweep = services.GetRequiredService<LeasedSweep>();
        await store.Leases.TryAcquireAsync(LeasedSweep.LeaseName, "other-replica", TimeSpan.FromMinutes(5));

        Assert.False(await sweep.RunAsync(CancellationToken.None));
        Assert.DoesNotContain(harness.Simulator.RequestLog.Entries, e => e.Path.Contains("/issues", StringComparison.Ordinal));

        await store.Leases.ReleaseAsync(LeasedSweep.LeaseName, "other-replica");
        Assert.True(await sweep.RunAsync(CancellationToken.None));
        Assert.Equal(20, sweep.LastResult!.Report.IssueCount + harness.Simulator.State.Issues().Count(i => i.State != "opened"));
        Assert.Null(await store.Leases.GetAsync(LeasedSweep.LeaseName));
    }
}

using IssueHygiene.Polling;
using IssueHygiene.Serving;
using IssueHygiene.Tests.Serve;
using Microsoft.AspNetCore.Builder;
using Serilog.Events;
using static IssueHygiene.Tests.Polling.PollingTestKit;

namespace IssueHygiene.Tests.Polling;

/// <summary>Two <c>serve</c> replicas on one store: only the holder of the <c>poll</c> lease polls.</summary>
[Trait("Category", "Slow")]
public sealed class PollingReplicaTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task TwoReplicas_OneHoldsTheLease_OnlyItPollsUntilItStops()
    {
        await using var first = await ServeHarness.StartAsync(configure: PollEvery(Interval), registerHook: false);
        Assert.True(await Eventually.HoldsAsync(async () => await first.Store.Leases.GetAsync(PollingService.LeaseName) is not null, Patience), "the first replica never took the lease");

        var configuration = ServeHarness.BaseConfiguration(first.Simulator, first.StorePath);
        PollEvery(Interval)(configuration);
        var secondLogs = new CapturedLogs();
        await using var second = ServeHost.Build(new ServeSettings
        {
            ConfigurationOverrides = configuration,
            Urls = "http://127.0.0.1:0",
            ConsoleLogs = false,
            ConfigureLogging = l => l.MinimumLevel.Verbose().WriteTo.Sink(secondLogs),
        });
        await second.StartAsync();
        try
        {
            Assert.True(await Eventually.HoldsAsync(() => Count(secondLogs, "Poll skipped") >= 5, Patience), $"the second replica did not keep out; its log:\n{Tail(secondLogs)}");
            Assert.Equal(0, Count(secondLogs, "Polled "));
            Assert.True(await Eventually.HoldsAsync(() => Count(first.Logs, "Polled ") >= 5, Patience), $"the lease holder did not poll; its log:\n{Tail(first.Logs)}");

            // The holder stops and releases the lease: the other replica takes over at its next tick.
            await first.Host.StopAsync();
            Assert.True(await Eventually.HoldsAsync(() => Count(secondLogs, "Polled ") >= 2, Patience), $"the second replica did not take over; its log:\n{Tail(secondLogs)}");
        }
        finally
        {
            await second.StopAsync();
        }
    }

    /// <summary>A replica's last log lines, for the failure message (what its poll ticks did instead).</summary>
    private static string Tail(CapturedLogs logs) =>
        string.Join("\n", logs.Events.TakeLast(40).Select(e => $"{e.Timestamp:HH:mm:ss.fff} {e.Level} {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name}"));

    private static int Count(CapturedLogs logs, string messageStart) =>
        logs.Events.Count(e => e.Level >= LogEventLevel.Debug && e.MessageTemplate.Text.StartsWith(messageStart, StringComparison.Ordinal));
}

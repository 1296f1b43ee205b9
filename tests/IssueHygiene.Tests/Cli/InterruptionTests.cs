using IssueHygiene.GitLabSimulator;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// Ctrl+C and SIGTERM, as real signals to a child process: the command stops where it stands with one line on stderr
/// (no stack trace), exits 130 or 143, and a sweep's run is left to be resumed by the next sweep.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterruptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Sweep_Signal_StopsCleanlyWithTheSignalsExitCodeAndTheNextSweepResumes(string signal, int expectedExit)
    {
        await using var harness = await SweepHarness.StartAsync(issues: 150, seed: 5, knobs: new SimulatorKnobsSettings { Latency = TimeSpan.FromMilliseconds(20) });
        using var child = ChildProcess.Start(harness.Configuration(dryRun: true), "sweep", "--apply");

        Assert.True(await child.WaitUntilAsync(() => harness.NonGetRequests() >= 5, Patience), "the sweep never started writing: " + child.Stderr);
        child.Signal(signal);
        var exit = await child.WaitForExitAsync(Patience);
        var (_, _, resumed) = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.Equal(expectedExit, exit);
        var interrupted = Assert.Single(child.StderrLines, l => l.Contains("interrupted", StringComparison.Ordinal));
        Assert.Contains(signal == "INT" ? "SIGINT" : "SIGTERM", interrupted, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", child.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", child.Stderr, StringComparison.Ordinal);
        Assert.Contains("resuming an interrupted run", resumed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_SecondCtrlC_ExitsAtOnceWith130()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 150, seed: 5, knobs: new SimulatorKnobsSettings { Latency = TimeSpan.FromMilliseconds(20) });
        using var child = ChildProcess.Start(harness.Configuration(dryRun: true), "sweep", "--apply");

        Assert.True(await child.WaitUntilAsync(() => harness.NonGetRequests() >= 5, Patience), "the sweep never started writing: " + child.Stderr);
        child.Signal("INT");
        child.Signal("INT");
        var exit = await child.WaitForExitAsync(Patience);

        Assert.Equal(130, exit);
        Assert.DoesNotContain("Unhandled", child.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Sigterm_StopsWith143AndOneLine()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 5, seed: 5);
        var configuration = harness.Configuration(dryRun: true);
        configuration["Webhook:Secrets:0"] = "a-webhook-secret-long-enough-0123";
        configuration["Schedule:Cron"] = string.Empty;
        var port = Serve.ServeProcess.FreePort();
        using var child = ChildProcess.Start(configuration, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };

        Assert.True(await child.WaitUntilAsync(() => IsAlive(http), Patience), "serve never answered /healthz: " + child.Stderr);
        child.Signal("TERM");
        var exit = await child.WaitForExitAsync(Patience);

        Assert.Equal(143, exit);
        Assert.Single(child.StderrLines, l => l.Contains("interrupted by SIGTERM", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled", child.Stderr, StringComparison.Ordinal);
    }

    private static bool IsAlive(HttpClient http)
    {
        try
        {
            return http.GetAsync("/healthz").GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Benchmarks.Webhooks;

/// <summary>
/// Event-to-note latency: an issue is opened in the simulator without a milestone; the simulator fires its Issue Hook
/// at an in-process <c>serve</c>, whose worker waits out the debounce (50 ms here; 300 ms by default), re-fetches the
/// issue, evaluates it and posts the sticky note with the fix. Measured from the create request until the note is in
/// the simulator's state. p50/p99 are printed as <c>// LATENCY</c> lines.
/// <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- --filter '*EventToNote*'</c>
/// </summary>
[Config(typeof(Config))]
public class EventToNoteLatencyBenchmark
{
    private const int IssuesPerInvocation = 10;
    private readonly LatencyRecorder _latency = new();
    private ServeBenchHost _host = null!;
    private HttpClient _admin = null!;
    private int _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _host = ServeBenchHost.StartAsync("Full", registerHook: true).GetAwaiter().GetResult();
        _admin = _host.Simulator.CreateClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latency.Print("event-to-note latency (debounce 50 ms)");
        _admin.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = IssuesPerInvocation)]
    public async Task OpenIssueUntilNote()
    {
        for (var i = 0; i < IssuesPerInvocation; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (iid, _) = await _host.CreateIssueAsync(_admin, $"Latency {Interlocked.Increment(ref _sequence)}");
            while (!_host.Simulator.State.Notes(_host.ProjectId, iid).Any(n => LintNote.IsLintNote(n.Body)))
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"no note on issue {iid} after 30 s");
                }

                await Task.Delay(1);
            }

            _latency.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}

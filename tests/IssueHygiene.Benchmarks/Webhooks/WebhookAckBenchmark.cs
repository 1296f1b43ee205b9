using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IssueHygiene.Benchmarks.Webhooks;

/// <summary>
/// Acknowledged webhook deliveries per second through a real in-process <c>serve</c> (Kestrel, token check, parse,
/// SQLite enqueue, 202), with GitLab-shaped Issue Hook bodies (~5 KiB) from 1 or 16 concurrent connections, while
/// the lint worker drains the queue against the simulator (1 connection: the latency of a lone delivery). <c>Full</c> fsyncs each enqueue; <c>Relaxed</c> does not
/// (persistence effectively off for a power cut): the Ratio column is the price of durability. Time per operation is
/// per delivery: deliveries/s = 1 s / Mean. p50/p99 ack latency is printed as <c>// LATENCY</c> lines and appended to
/// <c>$TMPDIR/issue-hygiene-webhook-latency.txt</c>.
/// <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- --filter '*WebhookAck*'</c>
/// </summary>
[Config(typeof(Config))]
public class WebhookAckBenchmark
{
    private const int DeliveriesPerInvocation = 800;
    private readonly LatencyRecorder _latency = new();
    private ServeBenchHost _host = null!;
    private List<(long Iid, long Id)> _issues = [];
    private int _sequence;

    [Params("Full", "Relaxed")]
    public string Durability { get; set; } = "Full";

    /// <summary>Concurrent senders: 1 shows the latency of a lone delivery, 16 the throughput under load.</summary>
    [Params(1, 16)]
    public int Connections { get; set; } = 16;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _latency.Print($"ack latency, durability {Durability}, {Connections} connections");
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = DeliveriesPerInvocation)]
    public async Task Acknowledge()
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= DeliveriesPerInvocation)
            {
                var n = Interlocked.Increment(ref _sequence);
                var (iid, id) = _issues[n % _issues.Count];
                var body = _host.IssueHookBody(id, iid, n);
                var started = Stopwatch.GetTimestamp();
                var status = await _host.PostAsync(body, $"bench-{Durability}-{n}-{Guid.NewGuid():N}");
                _latency.Add(Stopwatch.GetElapsedTime(started));
                if (status != 202)
                {
                    throw new InvalidOperationException($"delivery answered {status}");
                }
            }
        })));
    }

    private async Task SetupAsync()
    {
        _host = await ServeBenchHost.StartAsync(Durability, registerHook: false);
        using var admin = _host.Simulator.CreateClient();
        for (var i = 0; i < 50; i++)
        {
            _issues.Add(await _host.CreateIssueAsync(admin, $"Bench {i}"));
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
                .WithIterationCount(8)
                .WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}

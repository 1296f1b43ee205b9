using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IssueHygiene.Benchmarks.ScaleOut;

/// <summary>
/// Processed deliveries per second with 1, 2 and 3 <c>serve</c> replicas on one PostgreSQL, against the simulator
/// with 20 ms latency per request: each invocation posts 2,000 Issue Hook deliveries over 500 seeded issues,
/// round-robin over the replicas, and ends when the shared queue is empty. A fresh fleet per iteration, so every
/// iteration does the first-pass work (notes and fixes), not only the converged re-evaluations.
/// Prints <c>// THROUGHPUT</c> lines. Needs PostgreSQL and a Release build of src/IssueHygiene:
/// <c>info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES="${info%%|*}"; dotnet build src/IssueHygiene -c Release;
/// dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- --filter '*ScaleOutThroughput*'</c>
/// </summary>
[Config(typeof(Config))]
public class ScaleOutThroughputBenchmark
{
    private const int Issues = 500;
    private const int Deliveries = 2000;

    private ReplicaFleet _fleet = null!;

    [Params(1, 2, 3)]
    public int Replicas { get; set; }

    [IterationSetup]
    public void Setup() => _fleet = ReplicaFleet.StartAsync(Replicas, Issues, TimeSpan.FromMilliseconds(20)).GetAwaiter().GetResult();

    [IterationCleanup]
    public void Cleanup() => _fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Deliveries)]
    public async Task DeliverAndDrain()
    {
        var started = Stopwatch.GetTimestamp();
        var issues = _fleet.Simulator.State.Issues();
        var projects = _fleet.Simulator.Handbook!.Projects.ToDictionary(p => p.Id, p => p.PathWithNamespace);
        await Parallel.ForEachAsync(Enumerable.Range(0, Deliveries), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var issue = issues[n % issues.Count];
            await _fleet.DeliverAsync(issue, projects[issue.ProjectId], n);
        });
        var accepted = Stopwatch.GetElapsedTime(started);
        while ((await _fleet.Store.Deliveries.GetCountsAsync()).Depth > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the queue did not drain in 5 minutes");
            }

            await Task.Delay(50);
        }

        var drained = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"// THROUGHPUT replicas={Replicas}: {Deliveries / drained.TotalSeconds:F0} processed deliveries/s "
            + $"(all {Deliveries} accepted after {accepted.TotalSeconds:F1} s, queue drained after {drained.TotalSeconds:F1} s, "
            + $"{_fleet.Simulator.RequestLog.Count} GitLab requests)");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(2)
                .WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using IssueHygiene.Benchmarks.Sweep;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Http;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.Benchmarks.GitLab;

/// <summary>
/// The client listing a group's issues from the simulator (a separate process): sequential pages vs 4 in flight at
/// 20 ms latency, and the client's peak managed heap while streaming 100,000 issues (it must stay flat).
/// Run: <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- list</c>.
/// </summary>
public static class IssueListingBenchmark
{
    public static async Task<int> RunAsync()
    {
        var root = RepositoryPaths.Root;
        var port = 20000 + Random.Shared.Next(20000);
        using (var simulator = SweepBenchmark.StartSimulator(root, port, 10_000, 20))
        {
            try
            {
                await ListAsync(port, concurrency: 4); // warm-up: JIT and the simulator's indexes
                var sequential = await ListAsync(port, concurrency: 1);
                var parallel = await ListAsync(port, concurrency: 4);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"10,000 issues at 20 ms: sequential {sequential.Elapsed.TotalSeconds:F2} s ({sequential.Count} issues, {sequential.Calls} requests), "
                    + $"4 in flight {parallel.Elapsed.TotalSeconds:F2} s ({parallel.Count} issues) → {sequential.Elapsed / parallel.Elapsed:F2}x"));
            }
            finally
            {
                simulator.Kill(entireProcessTree: true);
            }
        }

        port++;
        using (var simulator = SweepBenchmark.StartSimulator(root, port, 100_000, 0))
        {
            try
            {
                GC.Collect();
                var baseline = GC.GetTotalMemory(forceFullCollection: true);
                long peak = 0;
                using var stop = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(false));
                        await Task.Delay(10);
                    }
                });
                var streamed = await ListAsync(port, concurrency: 1);
                await stop.CancelAsync();
                await sampler;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"100,000 issues streamed in {streamed.Elapsed.TotalSeconds:F1} s ({streamed.Count} open issues, {streamed.Calls} requests): "
                    + $"peak managed heap {(peak - baseline) / 1048576.0:F1} MiB above baseline"));
            }
            finally
            {
                simulator.Kill(entireProcessTree: true);
            }
        }

        return 0;
    }

    private static async Task<(TimeSpan Elapsed, int Count, long Calls)> ListAsync(int port, int concurrency)
    {
        var options = new GitLabOptions
        {
            BaseUrl = $"http://127.0.0.1:{port}",
            Token = "bot-token",
            RequestsPerMinute = 10_000_000,
            MaxPageConcurrency = concurrency,
        };
        var statistics = new GitLabCallStatistics();
        using var client = GitLabClient.Create(options, new GitLabRateLimiter(options, TimeProvider.System), statistics, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var count = 0;
        await foreach (var issue in client.ListGroupIssuesAsync("handbook-org", IssueQuery.OpenIssues))
        {
            count += issue.Iid > 0 ? 1 : 0;
        }

        return (watch.Elapsed, count, statistics.Snapshot().TotalCalls);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IssueHygiene.Cli;

namespace IssueHygiene.Benchmarks.Sweep;

/// <summary>
/// A whole sweep against the GitLab simulator running as its own process (so the simulator's memory is not counted):
/// wall time, requests by kind (must be pages + writes, nothing else) and the sweeping process's peak memory.
/// Run: <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- sweep [issues] [latency-ms] [dry|live]</c>.
/// </summary>
public static class SweepBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var issues = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var latency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var live = args.Length > 3 && args[3] == "live";
        var root = RepositoryPaths.Root;
        var port = 20000 + Random.Shared.Next(20000);

        using var simulator = StartSimulator(root, port, issues, latency);
        try
        {
            var store = Path.Combine(Path.GetTempPath(), $"sweep-bench-{Guid.NewGuid():N}.db");
            var configuration = new Dictionary<string, string?>
            {
                ["GitLab:BaseUrl"] = $"http://127.0.0.1:{port}",
                ["GitLab:Token"] = "bot-token",
                ["GitLab:NotesPerMinute"] = "10000000",
                ["GitLab:RequestsPerMinute"] = "10000000",
                ["Storage:ConnectionString"] = $"Data Source={store}",
                ["Scopes:Groups:0"] = "handbook-org",
                ["DryRun"] = live ? "false" : "true",
                ["MaxWritesPerRun"] = "10000000",
                ["Rules:Path"] = Path.Combine(root, "rules", "handbook.yml"),
            };

            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peakHeap = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    await Task.Delay(20);
                }
            });

            var watch = Stopwatch.StartNew();
            var app = new CliApp(TextWriter.Null, Console.Error, TimeProvider.System) { ConfigurationOverrides = configuration };
            var exit = await app.RunAsync(["sweep"], CancellationToken.None);
            watch.Stop();
            await sampling.CancelAsync();
            await sampler;

            var (gets, writes) = await CountRequestsAsync(port);
            var pages = (int)Math.Ceiling(issues / 100.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep {(live ? "live" : "dry")} of {issues} issues at {latency} ms latency: exit {exit}, {watch.Elapsed.TotalSeconds:F1} s, "
                + $"GET {gets} (issue pages ≈ {pages}), writes {writes}, peak managed heap {(peakHeap - baseline) / 1048576.0:F1} MiB above baseline, "
                + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
            return 0;
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
        }
    }

    internal static Process StartSimulator(string root, int port, int issues, int latency)
    {
        var dll = Directory.GetFiles(Path.Combine(root, "src", "IssueHygiene.GitLabSimulator", "bin"), "IssueHygiene.GitLabSimulator.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --port {port} --issues {issues} --latency-ms {latency} --seed 42")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("listening on", StringComparison.Ordinal))
            {
                return process;
            }
        }

        throw new InvalidOperationException("the simulator did not start");
    }

    internal static async Task<(int Gets, int Writes)> CountRequestsAsync(int port)
    {
        using var http = new HttpClient();
        using var log = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/_simulator/requests")));
        var api = log.RootElement.EnumerateArray().Where(e => e.GetProperty("path").GetString()!.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        return (api.Count(e => e.GetProperty("method").GetString() == "GET"), api.Count(e => e.GetProperty("method").GetString() != "GET"));
    }
}

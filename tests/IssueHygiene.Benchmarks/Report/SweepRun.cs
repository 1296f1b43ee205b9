using System.Globalization;
using IssueHygiene.Benchmarks.Sweep;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>One <c>issue-hygiene sweep</c> process against a seeded simulator process (seed 42), rate limits lifted.</summary>
internal sealed record SweepRun(int Issues, int LatencyMs, bool Live, ChildRun Process, int Gets, int Writes)
{
    public static async Task<SweepRun> RunAsync(string root, string executable, int issues, int latencyMs, bool live)
    {
        var port = 20000 + Random.Shared.Next(20000);
        using var simulator = SweepBenchmark.StartSimulator(root, port, issues, latencyMs);
        var store = Path.Combine(Path.GetTempPath(), $"sweep-report-{Guid.NewGuid():N}.db");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["IssueHygiene__GitLab__BaseUrl"] = $"http://127.0.0.1:{port}",
                ["IssueHygiene__GitLab__Token"] = "bot-token",
                ["IssueHygiene__GitLab__NotesPerMinute"] = "10000000",
                ["IssueHygiene__GitLab__RequestsPerMinute"] = "10000000",
                ["IssueHygiene__Storage__ConnectionString"] = $"Data Source={store}",
                ["IssueHygiene__Scopes__Groups__0"] = "handbook-org",
                ["IssueHygiene__DryRun"] = live ? "false" : "true",
                ["IssueHygiene__MaxWritesPerRun"] = "10000000",
                ["IssueHygiene__Rules__Path"] = Path.Combine(root, "rules", "handbook.yml"),
            };
            var run = await ChildRun.RunAsync(executable, ["sweep"], environment);
            if (run.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"sweep exited {run.ExitCode}:\n{run.StandardError}");
            }

            var (gets, writes) = await SweepBenchmark.CountRequestsAsync(port);
            var result = new SweepRun(issues, latencyMs, live, run, gets, writes);
            Console.WriteLine(result.Describe());
            return result;
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(store)!, Path.GetFileName(store) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"sweep {(Live ? "live" : "dry")} {Issues:N0} issues @ {LatencyMs} ms: wall {Process.WallSeconds:F1} s, CPU {Process.CpuSeconds:F2} s "
        + $"(user {Process.UserSeconds:F2} + sys {Process.SystemSeconds:F2}), peak RSS {Process.PeakRssMiB:F1} MiB, GET {Gets:N0}, writes {Writes:N0}; load average {Process.LoadAverage}");
}

using System.Globalization;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>
/// Every whole-system figure in one command, written to <c>docs/performance.md</c> beside gitlab-triage's reference
/// figures: dry and live sweeps (size × latency) as separate processes, <c>lint --issue-json</c> start to exit, and
/// durable webhook acknowledgements under <c>wrk</c> on SQLite and PostgreSQL.
/// <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- report [--repeat N] [--sizes 10000,100000,1000000] [--no-live] [--no-webhooks] [--no-sweeps] [--webhook-seconds N] [--output PATH]</c>.
/// PostgreSQL needs <c>ISSUEHYGIENE_TEST_POSTGRES</c> (<c>info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES="${info%%|*}"</c>).
/// </summary>
public static class ReportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReportOptions.Parse(args);
        var root = RepositoryPaths.Root;
        Console.WriteLine("publishing issue-hygiene as it ships (dotnet publish -p:NativeAot=true: one native executable) ...");
        var executable = await PublishedApp.PublishAsync(root);
        var results = new ReportResults();

        results.Lint.AddRange(await LintRun.RunAsync(root, executable, Math.Max(5, options.Repeat)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lint --issue-json: median wall {Median.Of(results.Lint.Select(r => r.WallSeconds)):F2} s, CPU {Median.Of(results.Lint.Select(r => r.CpuSeconds)):F2} s"));

        // Interleaved, so a burst of load from the machine's other users spreads over every case.
        for (var round = 0; round < options.Repeat && options.Sweeps; round++)
        {
            results.Sweeps.Add(await SweepRun.RunAsync(root, executable, 10_000, 0, live: false));
        }

        // The larger trackers as often: their peak RSS is the figure held against a limit, so it is a median too.
        foreach (var size in options.Sizes.Where(s => s != 10_000 && options.Sweeps))
        {
            for (var round = 0; round < options.Repeat; round++)
            {
                results.Sweeps.Add(await SweepRun.RunAsync(root, executable, size, 0, live: false));
            }
        }

        if (options.Sweeps)
        {
            results.Sweeps.Add(await SweepRun.RunAsync(root, executable, 10_000, 20, live: false));
        }

        if (options.Live)
        {
            results.Sweeps.Add(await SweepRun.RunAsync(root, executable, 10_000, 20, live: true));
        }

        if (options.Webhooks)
        {
            await TryIntakeAsync(results, root, executable, "sqlite", null, options.WebhookSeconds);
            if (Environment.GetEnvironmentVariable("ISSUEHYGIENE_TEST_POSTGRES") is { Length: > 0 } postgres)
            {
                await TryIntakeAsync(results, root, executable, "postgres", postgres, options.WebhookSeconds);
            }
            else
            {
                Console.WriteLine("PostgreSQL skipped: ISSUEHYGIENE_TEST_POSTGRES is not set");
            }
        }

        var path = options.Output is { } output ? Path.GetFullPath(output) : Path.Combine(root, "docs", "performance.md");
        await File.WriteAllTextAsync(path, PerformanceTable.Render(results, options));
        Console.WriteLine($"written: {path}");
        return results.Intake.All(i => i.NothingLost) && results.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>A failed intake run is reported in the table instead of losing the figures measured before it.</summary>
    private static async Task TryIntakeAsync(ReportResults results, string root, string executable, string store, string? postgres, int seconds)
    {
        try
        {
            results.Intake.Add(await WebhookIntakeRun.RunAsync(root, executable, store, postgres, 64, seconds));
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"webhook intake on {store} failed: {e.Message}");
            results.Failures.Add($"webhook intake on {store}: {e.Message}");
        }
    }
}

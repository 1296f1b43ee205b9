using System.Text;
using BenchmarkDotNet.Attributes;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Benchmarks.Secrets;

/// <summary>A realistic description (2 KB of Markdown) without and with one token: the sweep's per-issue cost.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class SecretScannerDescriptionBenchmarks
{
    private string _clean = null!;
    private string _leaking = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            text.Append("- step ").Append(i).Append(": run `meltano run tap-gitlab target-postgres`, then check the logs.\n");
        }

        _clean = text.ToString();
        var random = new Random(5);
        var body = new string([.. Enumerable.Range(0, 20).Select(_ => (char)('a' + random.Next(26)))]);
        _leaking = _clean + "PRIVATE-TOKEN: gl" + "pat-" + body + "\n";
    }

    [Benchmark(Baseline = true, Description = "2 KB description, no credential")]
    public int Clean() => SecretScanner.Scan(_clean, SecretLocation.Description).Count;

    [Benchmark(Description = "2 KB description, one token")]
    public int Leaking() => SecretScanner.Scan(_leaking, SecretLocation.Description).Count;
}

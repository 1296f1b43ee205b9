using System.Collections.Concurrent;
using System.Globalization;

namespace IssueHygiene.Benchmarks.Webhooks;

/// <summary>Per-operation latencies across a benchmark's iterations, printed as p50/p99 at cleanup (BenchmarkDotNet has no p99 column).</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public void Add(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);

    public string Summary(string name)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return $"{name}: no samples";
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{name}: n={sorted.Length} p50={At(0.50):F2} ms p99={At(0.99):F2} ms max={sorted[^1]:F2} ms");
    }

    public void Print(string name)
    {
        var line = Summary(name);
        Console.WriteLine("// LATENCY " + line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "issue-hygiene-webhook-latency.txt"), line + Environment.NewLine);
    }
}

using BenchmarkDotNet.Running;

namespace IssueHygiene.Benchmarks;

/// <summary>Every benchmark in this assembly; pick with <c>--filter</c>, e.g. <c>--filter *Evaluator*</c>.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Whole-system harnesses that BenchmarkDotNet's many iterations do not suit.
        if (args.Length > 0 && args[0] == "sweep")
        {
            return await Sweep.SweepBenchmark.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == "report")
        {
            return await Report.ReportBenchmark.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == "list")
        {
            return await GitLab.IssueListingBenchmark.RunAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}

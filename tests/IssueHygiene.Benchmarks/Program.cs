using BenchmarkDotNet.Running;

namespace IssueHygiene.Benchmarks;

/// <summary>Every benchmark in this assembly; pick with <c>--filter</c>, e.g. <c>--filter *Evaluator*</c>.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

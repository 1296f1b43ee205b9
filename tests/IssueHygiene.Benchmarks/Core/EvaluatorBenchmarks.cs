using BenchmarkDotNet.Attributes;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Benchmarks.Core;

/// <summary>
/// Evaluating the default policy: 100,000 seeded issues per invocation (throughput, one core), and one clean issue
/// (allocations per clean issue). Targets (Foundation issue): ≥ 200,000 evaluations/s, ≤ 2 KB per clean issue.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private const int IssueCount = 100_000;

    private Evaluator _evaluator = null!;
    private IssueSnapshot[] _issues = null!;
    private IssueSnapshot _clean = null!;

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = new Evaluator(LoadHandbook());
        _issues = IssueGenerator.Generate(IssueCount, seed: 20261123);
        _clean = IssueGenerator.Clean(1);
    }

    [Benchmark(OperationsPerInvoke = IssueCount, Description = "evaluate 100k seeded issues (per issue)")]
    public int EvaluateSeededTracker()
    {
        var violations = 0;
        foreach (var issue in _issues)
        {
            violations += _evaluator.Evaluate(issue, IssueGenerator.Now).Violations.Count;
        }

        return violations;
    }

    [Benchmark(Description = "evaluate one clean issue")]
    public Verdict EvaluateCleanIssue() => _evaluator.Evaluate(_clean, IssueGenerator.Now);

    internal static RuleSet LoadHandbook() =>
        RuleSetLoader.Load(File.ReadAllText(RepositoryPaths.Handbook), RepositoryPaths.Handbook).RuleSet
            ?? throw new InvalidOperationException("rules/handbook.yml does not load");
}

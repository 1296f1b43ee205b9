using BenchmarkDotNet.Attributes;
using IssueHygiene.Benchmarks.Core;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Benchmarks.Taxonomy;

/// <summary>
/// The pure parts of <c>labels sync</c> and <c>milestones plan</c>: counting undocumented labels over every open
/// issue of a large tracker (per issue, next to the evaluator's per-issue cost), planning a group with many labels,
/// and planning sprints over years of milestones. Run: <c>--filter '*TaxonomyBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TaxonomyBenchmarks
{
    private const int IssueCount = 100_000;

    private RuleSet _rules = null!;
    private CompiledPolicy _policy = null!;
    private IssueSnapshot[] _issues = null!;
    private ExistingLabel[] _labels = null!;
    private MilestoneRef[] _milestones = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = EvaluatorBenchmarks.LoadHandbook();
        _policy = new CompiledPolicy(_rules);
        _issues = IssueGenerator.Generate(IssueCount, seed: 20261123);

        // A group that grew 1,000 labels, the taxonomy's among them with drifted colours.
        _labels =
        [
            .. _rules.Labels.All.Select(l => new ExistingLabel(l.Name, "#000000", l.Description)),
            .. Enumerable.Range(0, 1_000).Select(i => new ExistingLabel($"team-label-{i}", "#123456", null)),
        ];

        // Ten years of weekly sprints.
        var friday = new DateOnly(2016, 11, 25);
        _milestones = [.. Enumerable.Range(0, 520).Select(i => new MilestoneRef(i + 1, friday.AddDays(7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), friday.AddDays(7 * i)))];
    }

    [Benchmark(OperationsPerInvoke = IssueCount, Description = "count undocumented labels, 100k issues (per issue)")]
    public int CountUndocumented()
    {
        var counter = new UndocumentedLabelCounter(_policy);
        foreach (var issue in _issues)
        {
            counter.Add(issue.Labels);
        }

        return counter.Result().Count;
    }

    [Benchmark(Description = "plan labels sync, 1,027 group labels")]
    public LabelSyncPlan PlanLabels() => LabelSyncPlanner.Plan(_labels, _rules);

    [Benchmark(Description = "plan sprint milestones, 520 existing")]
    public SprintMilestonePlan PlanSprints() => SprintMilestonePlanner.Plan(_milestones, new DateOnly(2026, 11, 23), _rules);
}

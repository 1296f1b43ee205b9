using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Tests.Evaluation;

/// <summary>
/// A fix never creates a finding of its own, and never puts work in flow into Backlog: every flow label × milestone
/// kind × what GitLab has × every action of the rules that fix, applied once the way GitLab applies it.
/// </summary>
public sealed class FixConvergenceTests
{
    private static readonly DateTimeOffset Now = TestData.Now; // Monday 2026-11-23

    private static readonly string[][] FlowLabels =
    [
        [], ["flow::Triage"], ["flow::To Do"], ["flow::Doing"], ["flow::Review"], ["flow::Blocked"],
        ["flow::Doing", "flow::Review"], ["flow::Triage", "flow::Blocked"], ["flow::Someday"], ["Flow::Doing"], ["flow::D\u043Eing"],
    ];

    private static readonly MilestoneRef Past = new(1, "2026-11-20");
    private static readonly MilestoneRef Current = new(2, "2026-11-27");
    private static readonly MilestoneRef Next = new(3, "2026-12-04");
    private static readonly MilestoneRef Backlog = new(4, "Backlog");
    private static readonly MilestoneRef Release = new(5, "v3.0");
    private static readonly MilestoneRef ClosedSprint = new(6, "2026-11-13", State: "closed");

    private static readonly MilestoneRef?[] Milestones = [null, Backlog, Past, Current, Next, Release, ClosedSprint];

    private static readonly TrackerCatalog[] Catalogs =
    [
        new(new MilestoneCatalog([Past, Current, Next, Backlog, Release, ClosedSprint]), null),
        new(new MilestoneCatalog([Past, Backlog, Release, ClosedSprint]), null),
        TrackerCatalog.Unknown,
    ];

    public static TheoryData<string, string, string> RuleActions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var milestone in new[] { "fix", "comment" })
        {
            foreach (var flow in new[] { "fix", "comment" })
            {
                foreach (var overdue in new[] { "fix, rollover: current", "fix, rollover: backlog", "comment" })
                {
                    data.Add(milestone, flow, overdue);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleActions))]
    public void Fixes_EveryFlowLabelMilestoneAndCatalog_CreateNoFindingAndNeverBacklogWorkInFlow(string milestoneRequired, string flowLabelRequired, string sprintOverdue)
    {
        var evaluator = new Evaluator(TestData.Load(
            $"rules:\n  milestone-required: {{ action: {milestoneRequired} }}\n  flow-label-required: {{ action: {flowLabelRequired} }}\n"
            + $"  sprint-overdue: {{ action: {sprintOverdue} }}\n"));
        var combinations = 0;
        foreach (var flow in FlowLabels)
        {
            foreach (var milestone in Milestones)
            {
                foreach (var catalog in Catalogs)
                {
                    var issue = TestData.With([.. flow, "Bug", "Extract"], milestone, assigned: false);
                    var what = $"{string.Join("+", flow)} in {milestone?.Title ?? "no milestone"} ({CatalogName(catalog)})";
                    var before = evaluator.Evaluate(issue, Now, catalog);

                    var inFlow = flow.Any(evaluator.Policy.IsInFlowLabel);
                    Assert.False(inFlow && before.QuickActions.Any(a => a is SetMilestoneAction { Title: "Backlog" }), what + ": work in flow sent to Backlog");

                    // Applied once, as GitLab would: nothing new is found and nothing more is to fix.
                    var fixedIssue = before.QuickActions.Aggregate(issue, (current, action) => action.ApplyTo(current, catalog));
                    var after = evaluator.Evaluate(fixedIssue, Now, catalog);
                    // A finding carried over may name the new milestone (same rule, same wording); a new one would not match.
                    var created = after.Violations.Where(v => !before.Violations.Any(b => b.Rule == v.Rule && b.MessageTemplate == v.MessageTemplate)).ToList();
                    Assert.True(created.Count == 0, what + ": the fix created " + string.Join("; ", created.Select(v => v.Rule + ": " + v.Message)));
                    Assert.True(after.QuickActions.Count == 0, what + ": fixes do not converge: " + string.Join(" ", after.QuickActions));

                    // What the note promises is what GitLab will show.
                    Assert.Equal(after.Violations.Select(v => v.Message), before.ViolationsAfterFixes.Select(v => v.Message));
                    combinations++;
                }
            }
        }

        Assert.Equal(FlowLabels.Length * Milestones.Length * Catalogs.Length, combinations);
    }

    [Fact]
    public void Fix_InFlowWithoutMilestone_SetsTheCurrentSprint()
    {
        var verdict = new Evaluator(TestData.Handbook).Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"]), Now, Catalogs[0]);

        Assert.Equal(["/milestone %\"2026-11-27\""], verdict.QuickActions.Select(a => a.Render()));
        Assert.Empty(verdict.ViolationsAfterFixes);
    }

    [Theory]
    [InlineData("flow::Doing")]
    [InlineData("flow::Blocked")]
    public void Fix_OverdueRolloverBacklogOnWorkInFlow_MovesToTheCurrentSprintInstead(string flow)
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  sprint-overdue: { action: fix, rollover: backlog }\n"));

        var verdict = evaluator.Evaluate(TestData.With([flow, "Bug", "Extract"], Past), Now, Catalogs[0]);

        Assert.Equal(["/milestone %\"2026-11-27\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Fix_OverdueRolloverBacklogOnWorkInFlowWithoutCurrentSprint_Comments()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  sprint-overdue: { action: fix, rollover: backlog }\n"));

        var verdict = evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"], Past), Now, Catalogs[1]);

        Assert.Empty(verdict.QuickActions);
        Assert.NotNull(Assert.Single(verdict.Violations).FixUnavailable);
    }

    private static string CatalogName(TrackerCatalog catalog) =>
        !catalog.Milestones.IsKnown ? "offline" : catalog.Milestones.Find("2026-11-27") is null ? "no current sprint" : "current sprint exists";
}

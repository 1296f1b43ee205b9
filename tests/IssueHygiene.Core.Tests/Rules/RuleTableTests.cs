using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Tests.Rules;

/// <summary>docs/architecture.md §3's rule table, row by row: each rule firing and not firing, under the default policy.</summary>
public sealed class RuleTableTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly MilestoneRef Current = TestData.Sprint("2026-11-27");
    private static readonly MilestoneRef Past = TestData.Sprint("2026-11-20");
    private static readonly MilestoneRef Backlog = TestData.Backlog;

    public static TheoryData<string, string[], MilestoneRef?, bool, string[]> Cases => new()
    {
        // name, labels, milestone, assigned, expected rule ids (in catalog order)
        { "clean", ["flow::Doing", "Bug", "Extract"], Current, true, [] },
        { "no milestone", ["flow::Doing", "Bug", "Extract"], null, true, ["milestone-required"] },
        { "backlog, no flow label is fine", ["Bug", "Extract"], Backlog, false, [] },
        { "backlog with triage is fine", ["flow::Triage", "Bug", "Extract"], Backlog, false, [] },
        { "sprint without flow label", ["Bug", "Extract"], Current, true, ["flow-label-required"] },
        { "sprint, flow value unknown still counts as a flow label", ["flow::doing", "Bug", "Extract"], Current, true, ["flow-label-known"] },
        { "two flow labels", ["flow::Doing", "flow::Review", "Bug", "Extract"], Current, true, ["flow-label-single"] },
        { "flow::a::b is not a flow label", ["flow::a::b", "Bug", "Extract"], Current, true, ["flow-label-required", "label-documented"] },
        { "flow value with different case", ["flow::to do", "Bug", "Extract"], Current, true, ["flow-label-known"] },
        { "label with spaces: To Do is known", ["flow::To Do", "Feature Request", "Extract"], Current, true, [] },
        { "no type label", ["flow::Doing", "Extract"], Current, true, ["type-label"] },
        { "two type labels", ["flow::Doing", "Bug", "Discussion", "Extract"], Current, true, ["type-label"] },
        { "type label with wrong case is not a type label", ["flow::Doing", "bug", "Extract"], Current, true, ["type-label", "label-documented"] },
        { "no stage label", ["flow::Doing", "Bug"], Current, true, ["stage-label"] },
        { "two stage labels", ["flow::Doing", "Bug", "Extract", "Load"], Current, true, ["stage-label"] },
        { "notebook stage", ["flow::Doing", "Bug", "Notebook"], Current, true, ["stage-label-unused"] },
        { "doing without assignee", ["flow::Doing", "Bug", "Extract"], Current, false, ["triaged-needs-assignee"] },
        { "review without assignee", ["flow::Review", "Bug", "Extract"], Current, false, ["triaged-needs-assignee"] },
        { "triage without assignee is fine", ["flow::Triage", "Bug", "Extract"], Current, false, [] },
        { "blocked without assignee is fine", ["flow::Blocked", "Bug", "Extract"], Current, false, [] },
        { "to do in backlog", ["flow::To Do", "Bug", "Extract"], Backlog, true, ["triaged-needs-milestone"] },
        { "blocked in backlog", ["flow::Blocked", "Bug", "Extract"], Backlog, true, ["triaged-needs-milestone"] },
        { "past sprint", ["flow::Doing", "Bug", "Extract"], Past, true, ["sprint-overdue"] },
        { "undocumented label", ["flow::Doing", "Bug", "Extract", "needs-love"], Current, true, ["label-documented"] },
        { "other handbook labels are documented", ["flow::Doing", "Bug", "Extract", "Singer SDK", "CLI", "Accepting Merge Requests"], Current, true, [] },
        {
            "several at once", ["flow::Doing", "flow::Revew", "Notebook", "shiny"], null, false,
            ["milestone-required", "flow-label-single", "flow-label-known", "type-label", "stage-label-unused", "triaged-needs-assignee", "label-documented"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_RuleTableRow_FiresExactlyTheExpectedRules(string row, string[] labels, MilestoneRef? milestone, bool assigned, string[] expected)
    {
        var verdict = Evaluator.Evaluate(TestData.With(labels, milestone, assigned), TestData.Now);

        Assert.True(verdict.Status == EvaluationStatus.Evaluated, row);
        Assert.Equal(expected, verdict.Violations.Select(v => v.Rule).Distinct().ToArray());
    }

    [Fact]
    public void Evaluate_UnknownFlowValue_SaysWhichKnownValueItResembles()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Revew", "Bug", "Extract"], Current), TestData.Now);

        var violation = Assert.Single(verdict.Violations);
        Assert.Equal("Flow label \"flow::Revew\" is not one of the known flow labels; did you mean \"flow::Review\"?", violation.Message);
        Assert.Equal(["/unlabel ~\"flow::Revew\"", "/label ~\"flow::Review\""], violation.Suggested.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_UnrelatedFlowValue_SuggestsNothing()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Someday maybe", "Bug", "Extract"], Current), TestData.Now);

        Assert.Equal("Flow label \"flow::Someday maybe\" is not one of the known flow labels.", Assert.Single(verdict.Violations).Message);
    }

    [Fact]
    public void Evaluate_MissingMilestone_FixesWithBacklogAndTriage()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now);

        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_MissingMilestoneWithTriageLabel_SetsBacklogOnly()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Triage", "Bug", "Extract"]), TestData.Now);

        Assert.Equal(["/milestone %\"Backlog\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_MissingMilestoneInFlowOffline_CommentsInsteadOfBacklog()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"]), TestData.Now);

        Assert.Empty(verdict.QuickActions);
        Assert.Contains("offline, the current sprint milestone is not known (give `lint` GitLab's milestone list with `--milestones-json`)", Assert.Single(verdict.Violations).FixUnavailable);
    }

    [Fact]
    public void Evaluate_SprintWithoutFlowLabel_FixesWithTriage()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract"], Current), TestData.Now);

        Assert.Equal(["/label ~\"flow::Triage\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_CommentOnlyRules_PlanNoQuickActions()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "flow::Review", "Extract"], Past, assigned: false), TestData.Now);

        Assert.NotEmpty(verdict.Violations);
        Assert.Empty(verdict.QuickActions);
    }

    [Fact]
    public void Evaluate_Severities_FollowTheRuleTable()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "Notebook", "x"], null, assigned: false), TestData.Now);
        var severities = verdict.Violations.ToDictionary(v => v.Rule, v => v.Severity.ToString().ToLowerInvariant());

        Assert.Equal("error", severities["milestone-required"]);
        Assert.Equal("info", severities["type-label"]);
        Assert.Equal("warning", severities["stage-label-unused"]);
        Assert.Equal("warning", severities["triaged-needs-assignee"]);
        Assert.Equal("info", severities["label-documented"]);
    }
}

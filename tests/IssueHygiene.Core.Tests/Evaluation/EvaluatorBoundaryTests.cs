using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Tests.Evaluation;

/// <summary>The edges: grace period, closed and exempt issues, sprint dates around "today" in a time zone.</summary>
public sealed class EvaluatorBoundaryTests
{
    private static readonly Evaluator Handbook = new(TestData.Handbook);

    [Fact]
    public void Evaluate_ClosedIssue_IsNotChecked()
    {
        var verdict = Handbook.Evaluate(TestData.With([]) with { State = IssueState.Closed }, TestData.Now);

        Assert.Equal(EvaluationStatus.SkippedClosed, verdict.Status);
        Assert.Empty(verdict.Violations);
    }

    [Fact]
    public void Evaluate_ExemptIssue_IsNotChecked()
    {
        var verdict = Handbook.Evaluate(TestData.With(["hygiene::ignore"]), TestData.Now);

        Assert.Equal(EvaluationStatus.SkippedExempt, verdict.Status);
        Assert.Empty(verdict.Violations);
    }

    [Fact]
    public void Evaluate_OneTickBeforeGraceEnds_IsNotCheckedYet()
    {
        var issue = TestData.With([]) with { CreatedAt = TestData.Now - TimeSpan.FromHours(1) + TimeSpan.FromTicks(1) };

        var verdict = Handbook.Evaluate(issue, TestData.Now);

        Assert.Equal(EvaluationStatus.SkippedGracePeriod, verdict.Status);
        Assert.Equal(issue.CreatedAt + TimeSpan.FromHours(1), verdict.GraceEndsAt);
    }

    [Fact]
    public void Evaluate_ExactlyWhenGraceEnds_IsChecked()
    {
        var issue = TestData.With([]) with { CreatedAt = TestData.Now - TimeSpan.FromHours(1) };

        var verdict = Handbook.Evaluate(issue, TestData.Now);

        Assert.Equal(EvaluationStatus.Evaluated, verdict.Status);
        Assert.Contains(verdict.Violations, v => v.Rule == "milestone-required");
    }

    [Fact]
    public void Evaluate_ZeroGracePeriod_ChecksBrandNewIssues()
    {
        var evaluator = new Evaluator(TestData.Load("gracePeriod: 0"));

        var verdict = evaluator.Evaluate(TestData.With([]) with { CreatedAt = TestData.Now }, TestData.Now);

        Assert.Equal(EvaluationStatus.Evaluated, verdict.Status);
    }

    // Pacific/Auckland is UTC+13 in November: at 2026-11-27 12:00 UTC it is already Saturday the 28th there.
    [Theory]
    [InlineData("UTC", "2026-11-27T12:00:00Z", false)]
    [InlineData("Pacific/Auckland", "2026-11-27T12:00:00Z", true)]
    [InlineData("Pacific/Auckland", "2026-11-27T10:59:59Z", false)]
    [InlineData("Pacific/Auckland", "2026-11-27T11:00:00Z", true)]
    [InlineData("America/Los_Angeles", "2026-11-28T07:59:59Z", false)]
    [InlineData("America/Los_Angeles", "2026-11-28T08:00:00Z", true)]
    public void Evaluate_SprintEndingToday_IsOverdueOnlyFromTheNextLocalDay(string timeZone, string now, bool overdue)
    {
        var evaluator = new Evaluator(TestData.Load($"timeZone: {timeZone}"));
        var issue = TestData.With(["flow::Doing", "Bug", "Extract"], TestData.Sprint("2026-11-27"));

        var verdict = evaluator.Evaluate(issue, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overdue, verdict.Violations.Any(v => v.Rule == "sprint-overdue"));
    }

    [Fact]
    public void Evaluate_SprintOverdueMessage_NamesTheSprintAndItsDate()
    {
        var verdict = Handbook.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"], TestData.Sprint("2026-11-20")), TestData.Now);

        Assert.Equal("This issue is still in sprint milestone \"2026-11-20\", which ended on 2026-11-20.", Assert.Single(verdict.Violations).Message);
    }

    [Fact]
    public void Evaluate_SprintOverdueWithFix_RollsOverToTheCurrentSprintFromGitLabsList()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  sprint-overdue: { action: fix }"));
        var catalog = new TrackerCatalog(new MilestoneCatalog(
        [
            TestData.Backlog,
            new MilestoneRef(1, "2026-11-20"),
            new MilestoneRef(2, "2026-12-04"),
            new MilestoneRef(3, "2026-11-27"),
            new MilestoneRef(4, "2026-11-13", State: "closed"),
        ]), null);

        var verdict = evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"], TestData.Sprint("2026-11-20")), TestData.Now, catalog);

        Assert.Equal(["/milestone %\"2026-11-27\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_SprintOverdueWithFixAndNoCurrentSprint_ExplainsWhyItCannotFix()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  sprint-overdue: { action: fix }"));
        var catalog = new TrackerCatalog(new MilestoneCatalog([TestData.Backlog, new MilestoneRef(1, "2026-11-20")]), null);

        var verdict = evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"], TestData.Sprint("2026-11-20")), TestData.Now, catalog);

        Assert.Empty(verdict.QuickActions);
        Assert.Contains("no active sprint milestone dated on or after today", Assert.Single(verdict.Violations).FixUnavailable);
    }

    [Fact]
    public void Evaluate_SprintOverdueRolloverBacklog_MovesToBacklog()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  sprint-overdue: { action: fix, rollover: backlog }"));

        var verdict = evaluator.Evaluate(TestData.With(["flow::Triage", "Bug", "Extract"], TestData.Sprint("2026-11-20")), TestData.Now);

        Assert.Equal(["/milestone %\"Backlog\""], verdict.QuickActions.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_FixLabelMissingInGitLab_KeepsTheFindingAndSaysWhichLabel()
    {
        var catalog = new TrackerCatalog(new MilestoneCatalog([TestData.Sprint("2026-11-27")]), new HashSet<string> { "Bug" });

        var verdict = Handbook.Evaluate(TestData.With(["Bug", "Extract"], TestData.Sprint("2026-11-27")), TestData.Now, catalog);

        var violation = Assert.Single(verdict.Violations);
        Assert.Equal("flow-label-required", violation.Rule);
        Assert.Empty(verdict.QuickActions);
        Assert.Contains("flow::Triage", violation.FixUnavailableText(a => a));
    }

    [Fact]
    public void Evaluate_BacklogMilestoneClosedInGitLab_DoesNotPlanTheFix()
    {
        var catalog = new TrackerCatalog(new MilestoneCatalog([TestData.Backlog with { State = "closed" }]), null);

        var verdict = Handbook.Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now, catalog);

        Assert.Empty(verdict.QuickActions);
        Assert.NotNull(Assert.Single(verdict.Violations).FixUnavailable);
    }

    [Fact]
    public void Evaluate_RuleSwitchedOff_NeverFires()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  milestone-required: { action: off }"));

        var verdict = evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"]), TestData.Now);

        Assert.True(verdict.IsClean);
    }

    [Fact]
    public void Evaluate_FixDowngradedToComment_ReportsWithoutQuickActions()
    {
        var evaluator = new Evaluator(TestData.Load("rules:\n  milestone-required: { action: comment, severity: warning }"));

        var verdict = evaluator.Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now);

        var violation = Assert.Single(verdict.Violations);
        Assert.Equal(Core.Policy.Severity.Warning, violation.Severity);
        Assert.Empty(verdict.QuickActions);
    }

    [Fact]
    public void Evaluate_SameInputs_GiveEqualVerdicts()
    {
        var issue = TestData.With(["flow::doing", "flow::Review", "Notebook"], null, assigned: false);

        var first = Handbook.Evaluate(issue, TestData.Now);
        var second = new Evaluator(TestData.Handbook).Evaluate(issue, TestData.Now);

        Assert.Equal(first.Violations, second.Violations);
        Assert.Equal(first.QuickActions, second.QuickActions);
    }
}

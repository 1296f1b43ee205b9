using System.Text.Json;
using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Evaluation;

/// <summary>
/// Which work items the rules govern is decided once, in the Evaluator, so lint, the sweep, polling and the webhook
/// path agree: issues and incidents are governed; tasks, epics and the rest are skipped and reported as skipped.
/// </summary>
public sealed class WorkItemTypeTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);

    [Theory]
    [InlineData(null, true)]
    [InlineData("issue", true)]
    [InlineData("Issue", true)]
    [InlineData("incident", true)]
    [InlineData("INCIDENT", true)]
    [InlineData("task", false)]
    [InlineData("Task", false)]
    [InlineData("epic", false)]
    [InlineData("test_case", false)]
    [InlineData("requirement", false)]
    [InlineData("objective", false)]
    [InlineData("key_result", false)]
    [InlineData("Key Result", false)]
    public void Evaluate_WorkItemType_GovernedOrSkipped(string? type, bool governed)
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = type }, TestData.Now);

        Assert.Equal(governed ? EvaluationStatus.Evaluated : EvaluationStatus.SkippedWorkItemType, verdict.Status);
        Assert.Equal(governed, verdict.Violations.Count > 0);
    }

    [Fact]
    public void Evaluate_SkippedTask_PlansNoWrite()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "task" }, TestData.Now);

        Assert.True(new WritePlanner(Evaluator, FixMode.QuickActions).Plan(verdict, [], TestData.Now).IsEmpty);
    }

    [Fact]
    public void RulesFile_WorkItemTypes_Configurable()
    {
        var evaluator = new Evaluator(TestData.Load("workItemTypes: [issue, task]\n"));

        Assert.Equal(EvaluationStatus.Evaluated, evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "task" }, TestData.Now).Status);
        Assert.Equal(EvaluationStatus.SkippedWorkItemType, evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "incident" }, TestData.Now).Status);
    }

    [Fact]
    public void Report_SkippedTask_CountedAsSkippedTaskInMarkdownAndJson()
    {
        var report = new HygieneReport();
        report.Add(Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "task", Iid = 1 }, TestData.Now));
        report.Add(Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "task", Iid = 2 }, TestData.Now));
        report.Add(Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "epic", Iid = 3 }, TestData.Now));

        Assert.Contains("- Skipped: epic: 1, task: 2", MarkdownReportRenderer.Render(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonReportRenderer.RenderReport(report));
        Assert.Equal(2, json.RootElement.GetProperty("totals").GetProperty("skipped").GetProperty("task").GetInt32());
        Assert.Equal("skipped-work-item-type", JsonDocument.Parse(JsonReportRenderer.RenderVerdict(Evaluator.Evaluate(TestData.With(["Extract"]) with { IssueType = "task" }, TestData.Now))).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Report_Totals_CountWhatTheNotesSayAfterFixes_PlusFixedByThisRun()
    {
        var evaluator = Evaluator;
        var planner = new WritePlanner(evaluator, FixMode.QuickActions);
        var report = new HygieneReport { DryRun = true };
        // No milestone, not in flow: the fix (Backlog + flow::Triage) resolves milestone-required; nothing else is left.
        var issue = TestData.With(["Bug", "Extract"]);
        var verdict = evaluator.Evaluate(issue, TestData.Now);
        report.Add(verdict, planner.Plan(verdict, [], TestData.Now).Writes);

        Assert.Equal(0, report.CountOf(Core.Policy.Severity.Error));
        Assert.False(report.ByRule.ContainsKey("milestone-required"));
        Assert.Equal(1, report.FixedByRule["milestone-required"]);
        Assert.True(report.FoundProblems);
        using var json = JsonDocument.Parse(JsonReportRenderer.RenderReport(report));
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("fixedByRule").GetProperty("milestone-required").GetInt32());
    }

    [Fact]
    public void Report_FixesNotWritten_CountTheFindingsAsFound()
    {
        var report = new HygieneReport();
        report.Add(Evaluator.Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now), []);

        Assert.Equal(1, report.ByRule["milestone-required"]);
        Assert.Empty(report.FixedByRule);
    }
}

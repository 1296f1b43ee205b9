using System.Text.Json;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>The report JSON contract (DESIGN.md §5) and the Markdown report.</summary>
public sealed class ReportRendererTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);

    private static HygieneReport SampleReport()
    {
        var report = new HygieneReport { DryRun = true };
        report.Add(Evaluator.Evaluate(TestData.CleanIssue(), TestData.Now));
        var bad = TestData.With(["Extract"]) with { Iid = 7, WebUrl = "https://gitlab.example.com/meltano/meltano/-/issues/7" };
        var verdict = Evaluator.Evaluate(bad, TestData.Now);
        report.Add(verdict, [new PlannedWrite { Kind = WriteKind.NoteCreate, Body = "<!-- issue-hygiene:lint -->\nbody", QuickActions = ["/milestone %\"Backlog\""], Rules = ["milestone-required"] }]);
        report.AddMilestoneFindings(MilestoneChecks.Check([TestData.Sprint("2026-11-26")], new DateOnly(2026, 11, 23), TestData.Handbook));
        return report;
    }

    [Fact]
    public void RenderReport_HasTheContractKeys()
    {
        using var json = JsonDocument.Parse(JsonReportRenderer.RenderReport(SampleReport()));
        var root = json.RootElement;

        var totals = root.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("issues").GetInt32());
        Assert.Equal(1, totals.GetProperty("writes").GetInt32());
        // Totals count what the notes say: the write carries the milestone fix, so the finding is fixed by this run.
        Assert.False(totals.GetProperty("byRule").TryGetProperty("milestone-required", out _));
        Assert.Equal(1, totals.GetProperty("fixedByRule").GetProperty("milestone-required").GetInt32());
        Assert.Equal(1, totals.GetProperty("byRule").GetProperty("sprint-milestone-friday").GetInt32());
        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray());
        Assert.Equal(7, issue.GetProperty("projectId").GetInt64());
        Assert.Equal(7, issue.GetProperty("iid").GetInt64());
        Assert.Equal("https://gitlab.example.com/meltano/meltano/-/issues/7", issue.GetProperty("webUrl").GetString());
        var violation = issue.GetProperty("violations")[0];
        Assert.Equal(["rule", "severity", "message"], violation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("milestone-required", violation.GetProperty("rule").GetString());
        Assert.Equal(["milestone-required"], issue.GetProperty("fixedByThisRun").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("error", violation.GetProperty("severity").GetString());
        var write = issue.GetProperty("plannedWrites")[0];
        Assert.Equal("note-create", write.GetProperty("kind").GetString());
        Assert.Equal("/milestone %\"Backlog\"", write.GetProperty("quickActions")[0].GetString());
    }

    [Fact]
    public void RenderMarkdown_ShowsTotalsFindingsAndExactBodies()
    {
        var markdown = MarkdownReportRenderer.Render(SampleReport());

        Assert.Contains("(dry run: nothing was written)", markdown, StringComparison.Ordinal);
        Assert.Contains("Issues checked: **2**", markdown, StringComparison.Ordinal);
        Assert.Contains("| `milestone-required` | error | 0 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Fixed by this run: **1** (`milestone-required` 1)", markdown, StringComparison.Ordinal);
        Assert.Contains("would write `note-create`: `/milestone %\"Backlog\"`", markdown, StringComparison.Ordinal);
        Assert.Contains("  <!-- issue-hygiene:lint -->", markdown, StringComparison.Ordinal);
        Assert.Contains("names 2026-11-26, a Thursday, not a Friday", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderVerdict_IsTheLintJsonContract()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Extract"]), TestData.Now);

        using var json = JsonDocument.Parse(JsonReportRenderer.RenderVerdict(verdict));

        Assert.Equal("evaluated", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(["milestone-required", "type-label"], json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()));
        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], json.RootElement.GetProperty("quickActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void RenderJUnit_OneCasePerListedIssueAndAFailurePerErrorOrWarning()
    {
        var report = SampleReport();
        report.Add(Evaluator.Evaluate(TestData.With(["flow::Doing", "Bug"], TestData.Sprint("2026-11-27")) with { Iid = 8, Title = "bell\u0007 <b>&" }, TestData.Now));

        var xml = System.Xml.Linq.XDocument.Parse(JUnitReportRenderer.Render(report));

        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal("#7 Make extractors faster", cases[0].Attribute("name")!.Value);
        // type-label is info ("When possible"): listed, not a failure.
        Assert.Equal(["milestone-required"], cases[0].Elements("failure").Select(f => f.Attribute("type")!.Value));
        Assert.Equal("#8 bell <b>&", cases[1].Attribute("name")!.Value);
        Assert.Empty(cases[1].Elements("failure"));
        Assert.Contains("info stage-label", cases[1].Element("system-out")!.Value, StringComparison.Ordinal);
    }
}

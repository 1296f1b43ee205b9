using System.Text.Json;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>The report JSON contract (docs/architecture.md §5) and the Markdown report.</summary>
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
        Assert.Contains("| `milestone-required` | error | 0 | – | 1 |", markdown, StringComparison.Ordinal);
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
    public void RenderJUnit_OneCasePerCheckedIssue_PassingIncluded_AtMostOneFailureEach()
    {
        var report = SampleReport();
        report.Add(Evaluator.Evaluate(TestData.With(["flow::Doing", "Bug"], TestData.Sprint("2026-11-27")) with { Iid = 8, Title = "bell\u0007 <b>&" }, TestData.Now));
        report.Add(Evaluator.Evaluate(TestData.CleanIssue() with { Iid = 9, Title = "Salaries", Confidential = true, CreatedAt = TestData.Now }, TestData.Now));

        var xml = System.Xml.Linq.XDocument.Parse(JUnitReportRenderer.Render(report));

        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("4", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        var cases = suite.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        Assert.Equal(["#42 Make extractors faster", "#7 Make extractors faster", "#8 bellU+0007 <b>&", "#9 (confidential)"], cases.Keys.Order(StringComparer.Ordinal));
        var failure = Assert.Single(cases["#7 Make extractors faster"].Elements("failure"));
        Assert.Equal("milestone-required", failure.Attribute("type")!.Value);
        // type-label is info ("When possible"): not part of the failure.
        Assert.Equal("This issue has no milestone.", failure.Attribute("message")!.Value);
        Assert.DoesNotContain("type-label", failure.Value, StringComparison.Ordinal);
        Assert.Empty(cases["#42 Make extractors faster"].Elements());
        Assert.Empty(cases["#8 bellU+0007 <b>&"].Elements("failure"));
        Assert.Contains("info stage-label", cases["#8 bellU+0007 <b>&"].Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Equal("skipped-grace-period", cases["#9 (confidential)"].Element("skipped")!.Attribute("message")!.Value);
    }

    [Fact]
    public void RenderReport_HasSchemaVersionScopeBudgetAndIssueNames()
    {
        var report = new HygieneReport { Scopes = ["meltano"], BudgetExhausted = true };
        report.Add(Evaluator.Evaluate(TestData.With(["Extract"]) with { Iid = 7 }, TestData.Now));
        report.Add(Evaluator.Evaluate(TestData.With(["Extract"]) with { Iid = 8, Title = "Salaries", Confidential = true }, TestData.Now));
        report.Change = new RunComparison(TestData.Now.AddDays(-1), new Dictionary<string, int> { ["milestone-required"] = 1 }, 1, 0);

        using var json = JsonDocument.Parse(JsonReportRenderer.RenderReport(report));

        var root = json.RootElement;
        Assert.Equal(HygieneReport.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("meltano", root.GetProperty("scopes")[0].GetString());
        Assert.True(root.GetProperty("budgetExhausted").GetBoolean());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("byProject").GetProperty("meltano/meltano").GetInt32());
        Assert.Equal(1, root.GetProperty("change").GetProperty("new").GetInt32());
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal("meltano/meltano", issues[0].GetProperty("projectPath").GetString());
        Assert.Equal("Make extractors faster", issues[0].GetProperty("title").GetString());
        Assert.False(issues[1].TryGetProperty("title", out _));
        Assert.True(issues[1].GetProperty("confidential").GetBoolean());
    }

    [Fact]
    public void RenderMarkdown_OpensWithAOneScreenSummary_CollapsesBodies_AndStaysUnderItsLimit()
    {
        var report = new HygieneReport { Scopes = ["meltano"] };
        for (var iid = 1; iid <= 400; iid++)
        {
            var verdict = Evaluator.Evaluate(TestData.With(["Extract"]) with { Iid = iid }, TestData.Now);
            report.Add(verdict, [new PlannedWrite { Kind = WriteKind.NoteCreate, Body = new string('n', 500), Rules = ["milestone-required"] }]);
        }

        report.Change = new RunComparison(TestData.Now.AddDays(-1), new Dictionary<string, int> { ["milestone-required"] = 410 }, 0, 10);

        var markdown = MarkdownReportRenderer.Render(report, maxLength: 50_000);

        Assert.True(markdown.Length <= 50_000, $"{markdown.Length} characters");
        var firstScreen = string.Join('\n', markdown.Split('\n').Take(30));
        Assert.Contains("- Scope: `meltano`", firstScreen, StringComparison.Ordinal);
        Assert.Contains("Since the last run (2026-11-22 09:00 UTC): **0** new, **10** resolved (+390 in total)", firstScreen, StringComparison.Ordinal);
        Assert.Contains("| `meltano/meltano` | 400 | 800 | 400 |", firstScreen, StringComparison.Ordinal);
        Assert.Contains("| `milestone-required` | error | 400 | −10 |", firstScreen, StringComparison.Ordinal);
        Assert.Contains("<details><summary>note body</summary>", markdown, StringComparison.Ordinal);
        Assert.Matches(@"_… and \d+ more issues: this report stops at 50000 characters; the JSON report lists every issue._", markdown);
    }
}

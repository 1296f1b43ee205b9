using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Summary;

namespace IssueHygiene.Core.Tests.Summary;

/// <summary>The summary issue: what it says, that it is bounded, that it never leaks, and that it is edited in place.</summary>
public sealed class SummaryIssueTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly DateTimeOffset Finished = TestData.Now.AddHours(1);

    private static IssueSnapshot Offender(long iid, string title = "Needs a milestone", string assignee = "douwe", bool confidential = false) =>
        TestData.With(["Extract"]) with
        {
            Iid = iid,
            Title = title,
            Confidential = confidential,
            Assignees = [new UserRef(5, assignee)],
            WebUrl = $"https://gitlab.example.com/meltano/meltano/-/issues/{iid}",
        };

    private static HygieneReport ReportOf(params IssueSnapshot[] issues)
    {
        var report = new HygieneReport { Scopes = ["meltano"], KeepIssues = false };
        foreach (var issue in issues)
        {
            report.Add(Evaluator.Evaluate(issue, TestData.Now));
        }

        return report;
    }

    [Fact]
    public void Render_ShowsTheRunTotalsTablesChangeAndTheErrorsAsATaskList()
    {
        var report = ReportOf(Offender(7), TestData.CleanIssue(), Offender(8, assignee: "taylor"));
        report.Change = new RunComparison(TestData.Now.AddDays(-1), new Dictionary<string, int> { ["milestone-required"] = 5 }, New: 1, Resolved: 4);
        report.AddWrite(new PlannedWrite { Kind = WriteKind.NoteCreate });

        var text = SummaryIssueRenderer.Render(new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = report });

        Assert.StartsWith(SummaryIssueMarker.For("meltano"), text, StringComparison.Ordinal);
        Assert.Contains("**Last run:** 2026-11-23 10:00 UTC · scope `meltano` · **3** issues checked", text, StringComparison.Ordinal);
        Assert.Contains("| `milestone-required` | error | 2 | −3 |", text, StringComparison.Ordinal);
        Assert.Contains("**1** new, **4** resolved", text, StringComparison.Ordinal);
        Assert.Contains("| `meltano/meltano` | 3 | 2 |", text, StringComparison.Ordinal);
        Assert.Contains("| `taylor` | 1 |", text, StringComparison.Ordinal);
        Assert.Contains("- [ ] [`meltano/meltano#7`](<https://gitlab.example.com/meltano/meltano/-/issues/7>) `Needs a milestone` — `milestone-required`", text, StringComparison.Ordinal);
        Assert.Contains("- 1 × `note-create`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SummaryRulesListTheirIssuesWithoutANote()
    {
        // stage-label is action: summary in the handbook rules: listed here, not in any note.
        var issue = TestData.With(["flow::Doing", "Bug"], TestData.Sprint("2026-11-27")) with { Iid = 9, WebUrl = "https://gitlab.example.com/x/-/issues/9" };
        var verdict = Evaluator.Evaluate(issue, TestData.Now);
        Assert.Equal(RuleAction.Summary, Assert.Single(verdict.Violations, v => v.Rule == "stage-label").Action);
        Assert.DoesNotContain(verdict.Violations, v => v.InLintNote);

        var text = SummaryIssueRenderer.Render(new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = ReportOf(issue) });

        Assert.Contains("### Listed here instead of a note (summary rules) (1)", text, StringComparison.Ordinal);
        Assert.Contains("`meltano/meltano#9`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_KeepsAtMostOneSummaryListOfEachKindAndCountsTheRest()
    {
        // More of each kind than the summary ever lists, interleaved: each list keeps its first MaxFlaggedKept in the
        // order checked, and each heading counts its own kind (a summary-rule issue is never counted as an error).
        var perKind = HygieneReport.MaxFlaggedKept + 250;
        var issues = Enumerable.Range(1, perKind).SelectMany(i => new[]
        {
            Offender(2 * i),
            TestData.With(["flow::Doing", "Bug"], TestData.Sprint("2026-11-27")) with { Iid = (2 * i) + 1 },
        }).ToArray();

        var report = ReportOf(issues);

        Assert.Equal(perKind, report.IssuesWithErrorsCount);
        Assert.Equal(perKind, report.SummaryListedCount);
        Assert.Equal(HygieneReport.MaxFlaggedKept, report.IssuesWithErrors.Count);
        Assert.Equal(HygieneReport.MaxFlaggedKept, report.SummaryListed.Count);
        Assert.Equal(Enumerable.Range(1, HygieneReport.MaxFlaggedKept).Select(i => 2L * i), report.IssuesWithErrors.Select(f => f.Iid));
        Assert.All(report.SummaryListed, f => Assert.NotEqual(Severity.Error, f.Worst));

        var text = SummaryIssueRenderer.Render(new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = report });
        Assert.Contains($"### Issues with errors ({perKind})", text, StringComparison.Ordinal);
        Assert.Contains($"### Listed here instead of a note (summary rules) ({perKind})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UntrustedNamesCannotMentionInjectOrLeakConfidentialTitles()
    {
        var hostile = Offender(7, title: "x\n/close\n@all <script>", assignee: "@everyone");
        var secret = Offender(8, title: "Payroll of the CEO", confidential: true);

        var text = SummaryIssueRenderer.Render(new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = ReportOf(hostile, secret) });

        Assert.DoesNotContain("Payroll", text, StringComparison.Ordinal);
        Assert.Contains("`meltano/meltano#8`](<https://gitlab.example.com/meltano/meltano/-/issues/8>) _(confidential)_", text, StringComparison.Ordinal);
        Assert.Contains("`x /close @all <script>`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n/close", text, StringComparison.Ordinal);
        Assert.Contains("| `@everyone` |", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|[^`])@everyone", text);
    }

    [Fact]
    public void Render_CutsTheLongestListsToFitTheLimitAndLinksTheFullReport()
    {
        var issues = Enumerable.Range(1, 3_000).Select(i => Offender(i, title: new string('t', 200), assignee: $"user{i}")).ToArray();
        var run = new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = ReportOf(issues), ReportUrl = "https://gitlab.example.com/ci/report.md" };

        var text = SummaryIssueRenderer.Render(run, maxLength: 60_000);

        Assert.True(text.Length <= 60_000, $"{text.Length} characters");
        Assert.Matches(@"_… and \d+ more issues_ — \[full report\]\(<https://gitlab.example.com/ci/report.md>\)", text);
        Assert.Matches(@"_… and \d+ more assignees_", text);
        Assert.Contains("### Issues with errors (3000)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AHugeTrackerStaysUnderGitLabsDescriptionLimit()
    {
        var issues = Enumerable.Range(1, HygieneReport.MaxFlaggedKept + 500).Select(i => Offender(i, title: new string('w', 255), assignee: $"someone-with-a-long-name-{i}")).ToArray();

        var text = SummaryIssueRenderer.Render(new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = ReportOf(issues) });

        Assert.True(text.Length <= SummaryIssueRenderer.GitLabDescriptionLimit, $"{text.Length} characters");
        Assert.Contains($"### Issues with errors ({HygieneReport.MaxFlaggedKept + 500})", text, StringComparison.Ordinal);
        Assert.Matches(@"_… and \d+ more issues_ _\(see the full report artifact\)_", text);
    }

    [Fact]
    public void Plan_CreatesOnceThenEditsInPlaceAndWritesNothingWhenCurrent()
    {
        var run = new SummaryRun { Scope = "meltano", FinishedAt = Finished, Report = ReportOf(Offender(7)) };

        var create = SummaryIssuePlanner.Plan(run, "Issue hygiene: meltano", 7, existing: null, labels: ["hygiene::ignore"]);
        Assert.Null(create.Iid);
        Assert.Equal(WriteKind.IssueCreate, create.Write!.Kind);
        Assert.Equal("Issue hygiene: meltano", create.Write.RestFields["title"]);
        Assert.Equal("hygiene::ignore", create.Write.RestFields["labels"]);
        Assert.Equal(create.Description, create.Write.Body);

        var existing = new ExistingSummaryIssue(7, 99, "Issue hygiene: meltano", create.Description, null);
        var same = SummaryIssuePlanner.Plan(run, "Issue hygiene: meltano", 7, existing, ["hygiene::ignore"]);
        Assert.Null(same.Write);
        Assert.Equal(99, same.Iid);

        var later = run with { FinishedAt = Finished.AddDays(1) };
        var edit = SummaryIssuePlanner.Plan(later, "Issue hygiene: meltano", 7, existing, ["hygiene::ignore"]);
        Assert.Equal(WriteKind.IssueEdit, edit.Write!.Kind);
        Assert.Equal(99, edit.Iid);
        Assert.Empty(edit.Write.RestFields);
        Assert.True(SummaryIssueMarker.IsFor(edit.Write.Body, "meltano"));
        Assert.False(SummaryIssueMarker.IsFor(edit.Write.Body, "other"));
    }
}

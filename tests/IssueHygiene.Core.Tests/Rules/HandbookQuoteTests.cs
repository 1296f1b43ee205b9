using System.Text.RegularExpressions;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Tests.Rules;

/// <summary>
/// Every rule credits the handbook only with words the handbook contains: each quote is checked against
/// Fixtures/handbook-sentences.md (the handbook's text, copied with its source noted), and the help a finding carries
/// ends with that quote, the section, its link, and — for Triage process rules — that the handbook marks the process
/// as not currently in use.
/// </summary>
public sealed partial class HandbookQuoteTests
{
    private static readonly Lazy<string> HandbookText = new(() =>
        Normalize(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "tests", "IssueHygiene.Core.Tests", "Fixtures", "handbook-sentences.md"))));

    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Where(d => d.HandbookSection != Handbook.CodeReview).Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_EveryQuote_AppearsWordForWordInTheHandbook(string ruleId)
    {
        var descriptor = RuleCatalog.Find(ruleId)!;

        Assert.NotEmpty(descriptor.HandbookQuotes);
        foreach (var quote in descriptor.HandbookQuotes)
        {
            Assert.True(HandbookText.Value.Contains(Normalize(quote), StringComparison.Ordinal), $"{ruleId}: \"{quote}\" is not in the handbook");
        }
    }

    [Fact]
    public void Help_MilestoneRequired_QuotesTheSentenceAndLinksItsSection()
    {
        var verdict = new Evaluator(TestData.Handbook).Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now);

        var help = Assert.Single(verdict.Violations).Help;
        Assert.Contains("Handbook, \"Issue tracker best practices › Milestones\" (https://meltano.com/handbook/engineering/#milestones): \u201CEvery open issue should have a milestone.\u201D", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("triaged-needs-assignee", new[] { "flow::Doing", "Bug", "Extract" }, false, false)]
    [InlineData("triaged-needs-milestone", new[] { "flow::To Do", "Bug", "Extract" }, true, true)]
    public void Help_TriageProcessRule_SaysTheHandbookMarksItNotInUseAndTheTeamEnabledIt(string ruleId, string[] labels, bool assigned, bool backlog)
    {
        var verdict = new Evaluator(TestData.Handbook).Evaluate(TestData.With(labels, backlog ? TestData.Backlog : TestData.Sprint("2026-11-27"), assigned), TestData.Now);

        var help = verdict.Violations.Single(v => v.Rule == ruleId).Help;
        Assert.Contains("#triage-process", help, StringComparison.Ordinal);
        Assert.Contains("The handbook marks \"Triage process\" as not currently in use; this team enabled the rule in its rules file.", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_TriageProcessRuleOnByDefault_SaysSoInsteadOfCreditingTheTeam()
    {
        var verdict = new Evaluator(TestData.Load("version: 1\n")).Evaluate(TestData.With(["flow::Doing", "Bug", "Extract"], TestData.Sprint("2026-11-27"), assigned: false), TestData.Now);

        var help = verdict.Violations.Single(v => v.Rule == "triaged-needs-assignee").Help;
        Assert.Contains("not currently in use; the rule is on by default here", help, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NoTriageProcessRule_NeverMentionsIt()
    {
        var verdict = new Evaluator(TestData.Handbook).Evaluate(TestData.With(["Bug", "Extract"], TestData.Sprint("2026-11-27")), TestData.Now);

        Assert.DoesNotContain("not currently in use", Assert.Single(verdict.Violations).Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type-label", Severity.Info)]
    [InlineData("stage-label", Severity.Info)]
    [InlineData("milestone-required", Severity.Error)]
    [InlineData("flow-label-required", Severity.Error)]
    public void DefaultRulesFile_SeverityFollowsTheHandbooksWords(string ruleId, Severity expected)
    {
        // "Every open issue should" → error; "When possible" / "If appropriate" → info (never a public note).
        var settings = TestData.Handbook.SettingsFor(ruleId);

        Assert.Equal(expected, settings.Severity);
        Assert.Equal(expected == Severity.Info, settings.Action is RuleAction.Report or RuleAction.Summary);
    }

    /// <summary>
    /// The handbook this policy quotes (with "Issue tracker best practices" and "Triage process") is published as the
    /// Engineering Handbook page of meltano.com; its headings become lower-case, hyphenated anchors there (the
    /// project's own release template links <c>/handbook/engineering/#meltano-version-bump-process</c> the same way).
    /// </summary>
    [Theory]
    [InlineData(Handbook.Milestones, "https://meltano.com/handbook/engineering/#milestones")]
    [InlineData(Handbook.Labels, "https://meltano.com/handbook/engineering/#labels")]
    [InlineData(Handbook.TriageProcess, "https://meltano.com/handbook/engineering/#triage-process")]
    [InlineData(Handbook.CodeReview, "https://meltano.com/handbook/engineering/#code-review")]
    public void DefaultRulesFile_LinksEachSectionOnThePublishedHandbookPage(string section, string expected)
    {
        Assert.Equal(new Uri("https://meltano.com/handbook/engineering/"), TestData.Handbook.HandbookUrl);
        Assert.Equal(expected, new HandbookCitation(section, ["…"]).Link(TestData.Handbook.HandbookUrl)?.ToString());
    }

    [Fact]
    public void RulesFileWithoutHandbookUrl_CitesSectionsByTitleOnly()
    {
        var verdict = new Evaluator(TestData.Load("version: 1\n")).Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now);

        var help = verdict.Violations.Single(v => v.Rule == "milestone-required").Help;
        Assert.Contains("Handbook, \"Issue tracker best practices › Milestones\": \u201CEvery open issue should have a milestone.\u201D", help, StringComparison.Ordinal);
        Assert.DoesNotContain("http", help, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesFile_BadHandbookUrlOrWorkItemType_RejectedWithLocation()
    {
        var result = Core.Policy.Loading.RuleSetLoader.Load("handbookUrl: not a url\nworkItemTypes: [issue, story]\n", "bad.yml");

        Assert.Contains(result.Errors, e => e.ToString().StartsWith("bad.yml:1:", StringComparison.Ordinal) && e.ToString().Contains("handbookUrl", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("bad.yml:2:", StringComparison.Ordinal) && e.ToString().Contains("story", StringComparison.Ordinal));
    }

    /// <summary>Markdown links reduced to their text, whitespace (line wraps) collapsed: how the handbook reads.</summary>
    private static string Normalize(string text) =>
        Whitespace().Replace(MarkdownLink().Replace(text, "$1"), " ");

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Labels;

namespace IssueHygiene.Core.Tests.Labels;

/// <summary>
/// Labels that look like a known one but are not, to GitLab (which compares label names, and a scoped label's scope,
/// exactly): the finding names the invisible difference by code point and gives the exact quick actions to copy.
/// </summary>
public sealed class LookAlikeTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly Core.Issues.MilestoneRef Current = TestData.Sprint("2026-11-27");

    [Theory]
    [InlineData("flow::D\u043Eing", "flow::Doing", "character 8 is U+043E CYRILLIC SMALL LETTER O where it should be U+006F LATIN SMALL LETTER O (which looks the same)")]
    [InlineData("flow::To\u00A0Do", "flow::To Do", "character 9 is U+00A0 NO-BREAK SPACE where it should be U+0020 SPACE (which looks the same)")]
    [InlineData("flow::Doi\u200Bng", "flow::Doing", "character 10 is U+200B ZERO WIDTH SPACE, which is invisible")]
    [InlineData("flow::doing", "flow::Doing", "character 7 is U+0064 LATIN SMALL LETTER D where it should be U+0044 LATIN CAPITAL LETTER D (a different letter case)")]
    [InlineData("Flow", "flow", "character 1 is U+0046 LATIN CAPITAL LETTER F where it should be U+0066 LATIN SMALL LETTER F (a different letter case)")]
    [InlineData("Bug\u00A0", "Bug", "character 4 is U+00A0 NO-BREAK SPACE, an extra space")]
    [InlineData("Feature  Request", "Feature Request", "character 9 is U+0020 SPACE, an extra space")]
    [InlineData("B\u03C5g", "Bug", "character 2 is U+03C5 GREEK SMALL LETTER UPSILON where it should be U+0075 LATIN SMALL LETTER U (which looks the same)")]
    public void Explain_LookAlike_NamesEachDifferenceByCodePoint(string actual, string expected, string difference)
    {
        Assert.Equal([difference], LookAlike.Explain(actual, expected));
    }

    [Theory]
    [InlineData("flow::Doing", "flow::Doing")]
    [InlineData("flow::Review", "flow::Doing")]
    [InlineData("flow::Doingg", "flow::Doing")]
    [InlineData("FeatureRequest", "Feature Request")]
    [InlineData("Bug", "Bug\u00A0")]
    public void Explain_EqualOrVisiblyDifferent_Null(string actual, string expected)
    {
        Assert.Null(LookAlike.Explain(actual, expected));
    }

    [Fact]
    public void Evaluate_CyrillicLookAlikeFlowLabel_NamesTheCodePointNotAnIdenticalSuggestion()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::D\u043Eing", "Bug", "Extract"], Current), TestData.Now);

        var finding = Assert.Single(verdict.Violations, v => v.Rule == "flow-label-known");
        Assert.Contains("U+043E CYRILLIC SMALL LETTER O", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["/unlabel ~\"flow::D\u043Eing\"", "/label ~\"flow::Doing\""], finding.Suggested.Select(a => a.Render()));
    }

    [Fact]
    public void Evaluate_CapitalisedScope_SaysWhyItDidNotCountBesideTheTriageFix()
    {
        // Flow::Doing is in a scope of its own ("Flow" is not "flow"), so the issue has no flow label: the fix adds
        // flow::Triage, and the note says why Flow::Doing did not count.
        var verdict = Evaluator.Evaluate(TestData.With(["Flow::Doing", "Bug", "Extract"]), TestData.Now);

        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], verdict.QuickActions.Select(a => a.Render()));
        var why = Assert.Single(verdict.Violations, v => v.Rule == "flow-label-known");
        Assert.True(why.InLintNote);
        Assert.Contains("does not count as a flow label", why.Message, StringComparison.Ordinal);
        Assert.Contains("U+0046 LATIN CAPITAL LETTER F where it should be U+0066 LATIN SMALL LETTER F", why.Message, StringComparison.Ordinal);
        Assert.Contains("GitLab compares a scoped label's scope exactly, case included", why.Message, StringComparison.Ordinal);
        Assert.Equal(["/unlabel ~\"Flow::Doing\"", "/label ~\"flow::Doing\""], why.Suggested.Select(a => a.Render()));
        // The fix does not remove the explanation (it was there before the fix, not made by it).
        Assert.Contains(verdict.ViolationsAfterFixes, v => v.Rule == "flow-label-known");
    }

    [Fact]
    public void Evaluate_UnrelatedScope_NotReportedAsAFlowLookAlike()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "Bug", "Extract", "workflow::Doing"], Current), TestData.Now);

        Assert.DoesNotContain(verdict.Violations, v => v.Rule == "flow-label-known");
    }
}

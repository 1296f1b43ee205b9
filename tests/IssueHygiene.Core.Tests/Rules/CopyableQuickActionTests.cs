using System.Text.Json;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Tests.Rendering;

namespace IssueHygiene.Core.Tests.Rules;

/// <summary>
/// Every finding the bot does not fix gives a person the exact quick action to copy (GitLab's documented forms:
/// <c>/unlabel ~label1 ~label2</c> "Remove specified labels", <c>/assign me</c> "Assign yourself"), and a label that only
/// looks like a documented one — in any label family — is named by code point with the two commands that swap it.
/// Whatever a person copies must end the finding; hostile label names never become a command or a mention.
/// </summary>
public sealed class CopyableQuickActionTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly Core.Issues.MilestoneRef Current = TestData.Sprint("2026-11-27");

    [Theory]
    [InlineData(new[] { "flow::Doing", "flow::Review" }, new[] { "flow::Doing|/unlabel ~\"flow::Review\"", "flow::Review|/unlabel ~\"flow::Doing\"" })]
    [InlineData(
        new[] { "flow::To Do", "flow::Doing", "flow::Blocked" },
        new[] { "flow::To Do|/unlabel ~\"flow::Doing\" ~\"flow::Blocked\"", "flow::Doing|/unlabel ~\"flow::To Do\" ~\"flow::Blocked\"", "flow::Blocked|/unlabel ~\"flow::To Do\" ~\"flow::Doing\"" })]
    [InlineData(new[] { "flow::Doing", "flow::Revew" }, new[] { "flow::Doing|/unlabel ~\"flow::Revew\"" })]
    public void FlowLabelSingle_OneLinePerLabelToKeep_EachEndsTheFinding(string[] flow, string[] expected)
    {
        var issue = TestData.With([.. flow, "Bug", "Extract"], Current);

        var finding = Assert.Single(Evaluator.Evaluate(issue, TestData.Now).Violations, v => v.Rule == "flow-label-single");

        Assert.Empty(finding.Suggested);
        Assert.Equal(expected, finding.Choices.Select(c => c.Keeps + "|" + c.Action.Render()));
        foreach (var choice in finding.Choices)
        {
            var after = Evaluator.Evaluate(choice.Action.ApplyTo(issue, TrackerCatalog.Unknown), TestData.Now);
            Assert.DoesNotContain(after.Violations, v => v.Rule == "flow-label-single");
            Assert.Equal([choice.Keeps], after.Issue.Labels.Where(l => l.StartsWith("flow::", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void FlowLabelSingle_Note_GivesEachLineAndWhatItKeeps_HelpSaysWhyUnlabelIsExplicit()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "flow::Review", "Bug", "Extract"], Current), TestData.Now);

        var note = new LintNoteRenderer(TestData.Handbook).Render(verdict).Body;

        Assert.Contains("To fix it, comment the one line for the label to keep: `/unlabel ~\"flow::Review\"` keeps `flow::Doing`; `/unlabel ~\"flow::Doing\"` keeps `flow::Review`.", note, StringComparison.Ordinal);
        Assert.Contains("on GitLab Free scoped labels are not exclusive", note, StringComparison.Ordinal);
        Assert.Empty(UserTextLive(note));
    }

    [Theory]
    [InlineData(new[] { "Bug", "Discussion" }, "type-label", new[] { "Bug|/unlabel ~\"Discussion\"", "Discussion|/unlabel ~\"Bug\"" })]
    [InlineData(new[] { "Extract", "Load" }, "stage-label", new[] { "Extract|/unlabel ~\"Load\"", "Load|/unlabel ~\"Extract\"" })]
    [InlineData(new[] { "Extract", "Notebook" }, "stage-label", new[] { "Extract|/unlabel ~\"Notebook\"" })]
    public void SeveralLabelsOfOneFamily_OneLinePerLabelToKeep(string[] labels, string rule, string[] expected)
    {
        var issue = TestData.With([.. labels, "flow::Doing", .. rule == "type-label" ? new[] { "Extract" } : ["Bug"]], Current);

        var finding = Assert.Single(Evaluator.Evaluate(issue, TestData.Now).Violations, v => v.Rule == rule);

        Assert.Equal(expected, finding.Choices.Select(c => c.Keeps + "|" + c.Action.Render()));
        Assert.All(finding.Choices, c => Assert.DoesNotContain(
            Evaluator.Evaluate(c.Action.ApplyTo(issue, TrackerCatalog.Unknown), TestData.Now).Violations, v => v.Rule == rule));
    }

    [Fact]
    public void TriagedNeedsAssignee_SuggestsGitLabsSelfAssignForm_AndItEndsTheFinding()
    {
        var issue = TestData.With(["flow::Doing", "Bug", "Extract"], Current, assigned: false);

        var finding = Assert.Single(Evaluator.Evaluate(issue, TestData.Now).Violations);

        Assert.Equal("triaged-needs-assignee", finding.Rule);
        Assert.Equal(["/assign me"], finding.Suggested.Select(a => a.Render()));
        Assert.Contains("`/assign @username` for someone else", finding.Help, StringComparison.Ordinal);
        Assert.Empty(Evaluator.Evaluate(finding.Suggested[0].ApplyTo(issue, TrackerCatalog.Unknown), TestData.Now).Violations);
        var note = new LintNoteRenderer(TestData.Handbook).Render(Evaluator.Evaluate(issue, TestData.Now)).Body;
        Assert.Contains("To fix it, comment (one command per line): `/assign me`", note, StringComparison.Ordinal);
        Assert.Empty(UserTextLive(note));
    }

    [Theory]
    [InlineData("bug", "type-label", "Bug", "U+0062 LATIN SMALL LETTER B where it should be U+0042 LATIN CAPITAL LETTER B (a different letter case)")]
    [InlineData("B\u03C5g", "type-label", "Bug", "U+03C5 GREEK SMALL LETTER UPSILON where it should be U+0075 LATIN SMALL LETTER U (which looks the same)")]
    [InlineData("Feature\u00A0Request", "type-label", "Feature Request", "U+00A0 NO-BREAK SPACE where it should be U+0020 SPACE")]
    [InlineData("Bug\u200B", "type-label", "Bug", "U+200B ZERO WIDTH SPACE, which is invisible")]
    [InlineData("Extr\u0430ct", "stage-label", "Extract", "U+0430 CYRILLIC SMALL LETTER A where it should be U+0061 LATIN SMALL LETTER A")]
    [InlineData("extract", "stage-label", "Extract", "(a different letter case)")]
    [InlineData("cli", "label-documented", "CLI", "U+0063 LATIN SMALL LETTER C where it should be U+0043 LATIN CAPITAL LETTER C")]
    [InlineData("Singer\u00A0SDK", "label-documented", "Singer SDK", "U+00A0 NO-BREAK SPACE")]
    public void LookAlikeOfADocumentedLabel_NamesTheCodePointAndGivesTheSwap(string label, string rule, string meant, string difference)
    {
        string[] labels = rule switch
        {
            "type-label" => [label, "Extract", "flow::Doing"],
            "stage-label" => [label, "Bug", "flow::Doing"],
            _ => [label, "Bug", "Extract", "flow::Doing"],
        };
        var issue = TestData.With(labels, Current);

        var verdict = Evaluator.Evaluate(issue, TestData.Now);

        var finding = Assert.Single(verdict.Violations, v => v.Rule == rule);
        Assert.Contains($"\"{label}\" is not \"{meant}\", though it looks the same", finding.Message, StringComparison.Ordinal);
        Assert.Contains(difference, finding.Message, StringComparison.Ordinal);
        Assert.Contains("GitLab compares label names exactly", finding.Message, StringComparison.Ordinal);
        Assert.Equal([$"/unlabel ~\"{label}\"", $"/label ~\"{meant}\""], finding.Suggested.Select(a => a.Render()));
        // Copying the two lines leaves nothing for any label rule to say.
        var swapped = finding.Suggested.Aggregate(issue, (i, a) => a.ApplyTo(i, TrackerCatalog.Unknown));
        Assert.Empty(Evaluator.Evaluate(swapped, TestData.Now).Violations);
    }

    [Fact]
    public void LookAlike_DocumentedLabelOfAnotherFamily_IsMeantAsItIs()
    {
        // `UI` is documented ("Other labels"); it is not a look-alike of any type label, and an exact documented label
        // is never reported as one.
        var verdict = Evaluator.Evaluate(TestData.With(["UI", "CLI", "Extract", "flow::Doing"], Current), TestData.Now);

        Assert.Equal("This issue has no type label.", Assert.Single(verdict.Violations).Message);
    }

    [Theory]
    [InlineData("flow::Review\"\n/close")]
    [InlineData("flow::Review\u2028/close")]
    [InlineData("flow::Review\r/close")]
    public void HostileLabel_NeverBecomesASecondCommandLine(string hostile)
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", hostile, "Bug", "Extract"], Current), TestData.Now);

        var finding = Assert.Single(verdict.Violations, v => v.Rule == "flow-label-single");
        // Keeping flow::Doing would mean quoting the hostile name: no line is offered rather than an unsafe one.
        Assert.Empty(finding.Choices);
        Assert.All(verdict.Violations.SelectMany(v => v.Suggested), a => Assert.False(a.Render().Contains(hostile, StringComparison.Ordinal)));
        Assert.Empty(UserTextLive(new LintNoteRenderer(TestData.Handbook).Render(verdict).Body));
    }

    [Fact]
    public void LabelWithSpacesOrMentionText_QuotedInTheCommand_InertInTheNote()
    {
        var issue = TestData.With(["flow::Doing", "flow::Review", "Bug", "Extract", "@all cc #1"], Current);
        var verdict = Evaluator.Evaluate(issue, TestData.Now);

        var note = new LintNoteRenderer(TestData.Handbook).Render(verdict).Body;

        Assert.Contains("`/unlabel ~\"flow::Review\"` keeps `flow::Doing`", note, StringComparison.Ordinal);
        Assert.Empty(UserTextLive(note));
    }

    /// <summary>
    /// What in a note would act when GitLab renders it, apart from the bot's own constructs (its marker comment, the
    /// handbook link, the footer's &lt;sub&gt;): a quick action at a line start, a table break, a hidden character, a
    /// mention or reference.
    /// </summary>
    private static IEnumerable<string> UserTextLive(string note) =>
        LiveMarkdown.Find(note).Where(c => c is not ("live: <!" or "live: https:" or "live: <s" or "live: </"));

    [Fact]
    public void Json_SuggestedQuickActions_ChoicesCarryWhatTheyKeep()
    {
        var report = new HygieneReport { DryRun = true };
        report.Add(Evaluator.Evaluate(TestData.With(["flow::Doing", "flow::Review", "Bug", "Extract"], Current, assigned: false), TestData.Now));

        using var json = JsonDocument.Parse(JsonReportRenderer.RenderReport(report));

        var suggested = json.RootElement.GetProperty("issues")[0].GetProperty("suggestedQuickActions").EnumerateArray()
            .Select(s => (Rule: s.GetProperty("rule").GetString(), Lines: string.Join("\n", s.GetProperty("quickActions").EnumerateArray().Select(a => a.GetString())), Keeps: s.GetProperty("keeps").GetString()))
            .ToList();
        Assert.Equal(
            [("flow-label-single", "/unlabel ~\"flow::Review\"", "flow::Doing"), ("flow-label-single", "/unlabel ~\"flow::Doing\"", "flow::Review"), ("triaged-needs-assignee", "/assign me", null)],
            suggested);
    }
}

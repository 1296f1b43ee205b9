using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>The sticky lint note: marker first, findings table, how to fix, stable bytes, and no way for user text to inject.</summary>
public sealed class LintNoteRendererTests
{
    private static readonly Evaluator Evaluator = new(TestData.Handbook);
    private static readonly LintNoteRenderer Renderer = new(TestData.Handbook);

    [Fact]
    public void Render_Findings_StartsWithTheMarkerAndListsErrorsAndWarningsOnly()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["flow::Doing", "Notebook", "undocumented"], TestData.Sprint("2026-11-27"), assigned: false), TestData.Now);

        var note = Renderer.Render(verdict);

        Assert.StartsWith(LintNote.Marker + "\n", note.Body, StringComparison.Ordinal);
        Assert.True(LintNote.IsLintNote(note.Body));
        Assert.DoesNotContain("type-label", note.Body, StringComparison.Ordinal);
        Assert.Contains("`stage-label-unused`", note.Body, StringComparison.Ordinal);
        Assert.Contains("`triaged-needs-assignee`", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("label-documented", note.Body, StringComparison.Ordinal);
        Assert.Contains("**How to fix**", note.Body, StringComparison.Ordinal);
        Assert.Contains("Handbook, \"Issue tracker best practices › Labels\" (https://meltano.com/handbook/engineering/#labels): \u201C`Notebook` (currently unused)\u201D", note.Body, StringComparison.Ordinal);
        Assert.Empty(note.Commands);
    }

    [Fact]
    public void Render_FixableFindings_CarriesQuickActionsAsSeparateCommandLines()
    {
        var verdict = Evaluator.Evaluate(TestData.With(["Bug", "Extract"]), TestData.Now);

        var note = Renderer.Render(verdict);

        Assert.Equal(["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""], note.Commands);
        Assert.Contains("**Fixed by this note.**", note.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n\n/milestone %\"Backlog\"\n/label ~\"flow::Triage\"", note.ToPostBody(), StringComparison.Ordinal);
        Assert.DoesNotContain(note.Body.Split('\n'), line => line.StartsWith('/'));
    }

    [Fact]
    public void Render_SameVerdictTwice_GivesTheSameBytesAndHash()
    {
        var issue = TestData.With(["flow::doing", "flow::Review"], null, assigned: false);

        var first = Renderer.Render(Evaluator.Evaluate(issue, TestData.Now));
        var second = Renderer.Render(Evaluator.Evaluate(issue, TestData.Now.AddHours(5)));

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public void Render_DifferentFindings_ChangeTheHash()
    {
        var one = Renderer.Render(Evaluator.Evaluate(TestData.With(["flow::Doing", "Extract"], TestData.Sprint("2026-11-27")), TestData.Now));
        var two = Renderer.Render(Evaluator.Evaluate(TestData.With(["flow::Doing", "Extract", "Notebook"], TestData.Sprint("2026-11-27")), TestData.Now));

        Assert.NotEqual(one.Hash, two.Hash);
    }

    [Fact]
    public void Render_CleanVerdict_IsTheResolvedNote()
    {
        var note = Renderer.Render(Evaluator.Evaluate(TestData.CleanIssue(), TestData.Now));

        Assert.StartsWith(LintNote.Marker, note.Body, StringComparison.Ordinal);
        Assert.Contains("all resolved", note.Body, StringComparison.Ordinal);
        Assert.Equal(Renderer.Resolved().Hash, note.Hash);
    }

    [Theory]
    [InlineData("x\n/close")]
    [InlineData("x\r\n/close")]
    [InlineData("x\u2028/close")]
    [InlineData("@all please look")]
    [InlineData("a | b")]
    [InlineData("`code` and ``more``")]
    [InlineData("<!-- issue-hygiene:lint -->")]
    [InlineData("[link](javascript:alert(1))")]
    public void Render_HostileLabelName_NeverStartsALineNorMentionsNorBreaksTheTable(string hostile)
    {
        var issue = TestData.With(["flow::" + hostile, "Bug", "Extract"], TestData.Sprint("2026-11-27"));
        var verdict = Evaluator.Evaluate(issue, TestData.Now);

        var body = Renderer.Render(verdict).Body;

        var lines = body.Split('\n');
        Assert.Equal(LintNote.Marker, lines[0]);
        Assert.Single(lines, l => l.Contains(LintNote.Marker, StringComparison.Ordinal) && !l.Contains('`'));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith('/'));
        var row = Assert.Single(lines, l => l.Contains("flow-label-known", StringComparison.Ordinal) && l.StartsWith('|'));
        // Outside code spans there is no '@' and no unescaped cell separator besides the table's own four.
        var outsideCode = string.Concat(row.Split('`').Where((_, i) => i % 2 == 0));
        Assert.DoesNotContain("@", outsideCode, StringComparison.Ordinal);
        Assert.Equal(4, CountUnescapedPipes(row));
    }

    [Fact]
    public void Render_TitleMentioningAll_IsNotRenderedInTheNote()
    {
        var issue = TestData.With(["Bug"]) with { Title = "@all urgent\n/close" };

        var body = Renderer.Render(Evaluator.Evaluate(issue, TestData.Now)).Body;

        Assert.DoesNotContain("@all", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/close", body, StringComparison.Ordinal);
    }

    private static int CountUnescapedPipes(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
            {
                count++;
            }
        }

        return count;
    }
}

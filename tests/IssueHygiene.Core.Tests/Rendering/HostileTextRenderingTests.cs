using System.Text;
using System.Xml;
using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>
/// Text the bot did not write is inert wherever it is rendered. Random hostile strings (seeded) go in as an issue title,
/// label names, a milestone title GitLab lists, usernames, waiver reasons and command text; the lint note, the
/// Markdown report, the summary issue and the JUnit report come out; <see cref="LiveMarkdown"/> must find no construct there that the same
/// renders with harmless text do not have.
/// </summary>
public sealed class HostileTextRenderingTests
{
    private const int Cases = 3000;

    private static readonly Evaluator FixingEvaluator = new(TestData.Load("rules:\n  sprint-overdue: { action: fix }\n  flow-label-required: { action: fix }"));

    private static readonly string[] Fragments =
    [
        "@all", "@user", "@group/sub", " @bot waive type-label", "\n/close", "\r\n/label ~x", "\u2028/assign @me", "\n\n/milestone %x",
        "<img src=x onerror=alert(1)>", "<!--", "-->", "<script>", "</code>", "<sub>", "[pwn](http://evil.example)", "![i](http://x/y.png)",
        "[ref]: http://evil", "<http://x.example>", "http://evil.example", "www.evil.example", "|", "\\|", "\\", "\\`", "~~~", "```",
        "#123", "!1", "%milestone", "%\"m m\"", "~label", "~\"l l\"", "$12", "&3", "&#64;all", "&amp;", ":smile:", "*", "_",
        "\u202E", "\u2066", "\u2069", "\u200B", "\u200D", "\u200E", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u001B[31m", "\uD800", "\uDC00",
        "\t", "    ", "> ", "- ", "1. ", "# ", "---", "===", "{0}", "{1}", "2026-11-27 ", "\"", "'", "\n", "\r", "🔥", "é", "x",
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public void Render_RandomHostileText_NothingLiveInAnyRenderer()
    {
        var random = new Random(20261202);
        var allowed = Constructs(Scenario("harmless", "plain-user", "a reason"));
        for (var i = 0; i < Cases; i++)
        {
            var (title, user, reason) = (Hostile(random), Hostile(random), Hostile(random));
            var outputs = Scenario(title, user, reason);
            var live = Constructs(outputs).Except(allowed).ToList();
            Assert.True(live.Count == 0, $"case {i}: {string.Join("; ", live)}\ninputs: {Show(title)} | {Show(user)} | {Show(reason)}");
        }
    }

    [Fact]
    public void Render_MilestoneTitleFromGitLab_InertInTheCannotBeUsedMessage()
    {
        // Hole 1: sprint-overdue with action fix quoted the current sprint's title raw.
        const string Title = "2026-11-27 \" @all <img src=x> [pwn](http://x) /close";
        var note = LintNoteFor(Title, "douwe", "r").Body;

        Assert.Contains("cannot be used", note, StringComparison.Ordinal);
        Assert.Empty(Constructs([note]).Except(Constructs([LintNoteFor("2026-11-27 \" quoted", "douwe", "r").Body])));
    }

    [Fact]
    public void RenderMarkdownReport_MilestoneTitle_Inert()
    {
        var report = new HygieneReport();
        report.AddMilestoneFindings(MilestoneChecks.Check([new MilestoneRef(100, "2026-11-26 @all <b>x</b>", new DateOnly(2026, 11, 26))], new DateOnly(2026, 11, 23), TestData.Handbook));

        var markdown = MarkdownReportRenderer.Render(report);

        Assert.Contains("`2026-11-26 @all <b>x</b>`", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveMarkdown.Find(markdown), c => c.Contains("@all", StringComparison.Ordinal) || c.Contains("<b", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\u202Eevil", "U+202Eevil")]
    [InlineData("zero\u200Bwidth", "zeroU+200Bwidth")]
    [InlineData("tab\tand\nline", "tab and line")]
    [InlineData("🔥 é", "🔥 é")]
    public void Code_HiddenCharacters_ShownVisibly(string text, string shown) =>
        Assert.Equal("`" + shown + "`", MarkdownText.Code(text));

    [Fact]
    public void Code_VeryLongText_CutWithACount()
    {
        var code = MarkdownText.Code(new string('a', 10_000));

        Assert.True(code.Length < 400);
        Assert.Contains($"({10_000 - MarkdownText.MaxQuoted} more characters)", code, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Scenario(string title, string user, string reason)
    {
        var note = LintNoteFor(title, user, reason);
        var issue = Issue(title);
        var verdict = FixingEvaluator.Evaluate(issue, TestData.Now, Catalog(title));
        var report = new HygieneReport { DryRun = true };
        report.Add(verdict, [new PlannedWrite { Kind = WriteKind.NoteCreate, Body = note.Body, QuickActions = [.. note.Commands, "/label ~\"" + title + "\""], Rules = ["sprint-overdue"] }]);
        report.AddMilestoneFindings(MilestoneChecks.Check([new MilestoneRef(100, "2026-11-26" + title, new DateOnly(2026, 11, 26))], new DateOnly(2026, 11, 23), TestData.Handbook));
        var summary = IssueHygiene.Core.Summary.SummaryIssueRenderer.Render(new IssueHygiene.Core.Summary.SummaryRun { Scope = "group/project", FinishedAt = TestData.Now, Report = report });
        return [note.Body, MarkdownReportRenderer.Render(report), summary, JUnitText(JUnitReportRenderer.Render(report))];
    }

    private static LintNoteContent LintNoteFor(string title, string user, string reason)
    {
        var options = new EvaluationOptions
        {
            Waivers = [new RuleWaiver("assignee-required", null, reason, user)],
            Explain = true,
            Replies =
            [
                CommandReplies.Answer(new AuthoredCommand(new CommentCommand.Invalid($"unknown command '{reason}'"), 1, user))!,
                WaiverRules.CheckRequest(new CommentCommand.Waive(reason, null, reason), user, new DateOnly(2026, 11, 23))!,
                WaiverRules.CheckAccess(new CommentCommand.Waive(title, null, reason), user, false)!,
                CommandReplies.OverCap(user, 3, 10),
            ],
        };
        var issue = Issue(title);
        var verdict = FixingEvaluator.Evaluate(issue with { Assignees = [] }, TestData.Now, Catalog(title), options);
        return new LintNoteRenderer(TestData.Handbook).Render(verdict);
    }

    private static IssueSnapshot Issue(string text) => TestData.With(["flow::" + text, "Bug", "Extract", text], TestData.Sprint("2026-11-20")) with
    {
        Title = text,
        ProjectPath = "group/" + text,
        WebUrl = "https://gitlab.example.com/group/project/-/issues/42",
    };

    /// <summary>GitLab lists a current sprint whose title is the hostile text (so the fix quotes it, or says it cannot).</summary>
    private static TrackerCatalog Catalog(string text) =>
        new(new MilestoneCatalog([TestData.Backlog, new MilestoneRef(1, "2026-11-20"), new MilestoneRef(2, "2026-11-27 " + text)]), null);

    /// <summary>JUnit must be well-formed XML (markup escaped); its text is then checked like Markdown.</summary>
    private static string JUnitText(string xml)
    {
        var text = new StringBuilder();
        using var reader = XmlReader.Create(new StringReader(xml));
        while (reader.Read())
        {
            if (reader.HasValue)
            {
                text.Append(reader.Value.Replace('\n', ' ')).Append('\n');
            }

            while (reader.MoveToNextAttribute())
            {
                Assert.Empty(LiveMarkdown.Hidden(reader.Value));
            }
        }

        // Only hidden characters matter in JUnit text: it is shown as text, never as Markdown or HTML.
        Assert.Empty(LiveMarkdown.Hidden(text.ToString()));
        return string.Empty;
    }

    private static HashSet<string> Constructs(IEnumerable<string> outputs) => [.. outputs.SelectMany(LiveMarkdown.Find)];

    private static string Hostile(Random random)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 9);
        for (var i = 0; i < parts; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => new string('`', random.Next(1, 12)),
                1 => ((char)random.Next(0x20, 0x7F)).ToString(),
                _ => Fragments[random.Next(Fragments.Length)],
            });
        }

        return random.Next(50) == 0 ? text.Append(new string('x', 2_000)).ToString() : text.ToString();
    }

    private static string Show(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

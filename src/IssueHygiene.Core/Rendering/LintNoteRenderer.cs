using System.Text;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// Renders the sticky lint note (docs/architecture.md §4): marker line, a findings table, how to fix each, what IssueHygiene
/// fixed, and how to opt out. User text appears only inside code spans in table cells or list items, so it never
/// starts a line, runs a quick action or mentions anyone. No timestamps: the same findings give the same bytes.
/// </summary>
public sealed class LintNoteRenderer(RuleSet rules)
{
    /// <summary>Answers shown in one note; more are counted, not listed (many comments in one batch).</summary>
    public const int MaxReplies = 50;

    /// <summary>The note for a verdict's findings (errors and warnings that comment or fix), with fixes as commands.</summary>
    public LintNoteContent Render(Verdict verdict)
    {
        var findings = verdict.Violations.Where(v => v.InLintNote).ToList();
        if (findings.Count == 0)
        {
            return ResolvedWith(Answers(verdict));
        }

        var outstanding = findings.Count(f => f.Fixes.Count == 0);
        var fixedCount = findings.Count - outstanding;
        var text = new StringBuilder();
        text.Append(LintNote.Marker).Append('\n');
        text.Append("### Issue hygiene: ").Append(Headline(outstanding, fixedCount)).Append("\n\n");
        text.Append("| Severity | Rule | Finding |\n|---|---|---|\n");
        foreach (var finding in findings)
        {
            text.Append("| ").Append(SeverityBadge(finding.Severity))
                .Append(" | `").Append(finding.Rule).Append("` | ")
                .Append(finding.Format(MarkdownText.Code));
            if (finding.Fixes.Count > 0)
            {
                text.Append(" **Fixed by this note.**");
            }
            else if (finding.FixUnavailableText(MarkdownText.Code) is { } why)
            {
                text.Append(" Not fixed automatically: ").Append(MarkdownText.Flatten(why)).Append('.');
            }

            if (finding.Fixes.Count == 0 && finding.Suggested.Count > 0)
            {
                text.Append(" To fix it, comment (one command per line): ").Append(string.Join(" ", finding.Suggested.Select(a => MarkdownText.Code(a.Render()))));
            }

            if (finding.Fixes.Count == 0 && finding.Choices.Count > 0)
            {
                text.Append(" To fix it, comment the one line for the label to keep: ")
                    .Append(string.Join("; ", finding.Choices.Select(c => MarkdownText.Code(c.Action.Render()) + " keeps " + MarkdownText.Code(c.Keeps))))
                    .Append('.');
            }

            text.Append(" |\n");
        }

        var toExplain = findings.Where(f => f.Fixes.Count == 0).DistinctBy(f => f.Rule).ToList();
        if (toExplain.Count > 0)
        {
            text.Append("\n**How to fix**\n\n");
            foreach (var finding in toExplain)
            {
                text.Append("- `").Append(finding.Rule).Append("`: ").Append(MarkdownText.Flatten(finding.Help)).Append('\n');
            }
        }

        if (verdict.QuickActions.Count > 0)
        {
            text.Append("\n**Applied with quick actions**\n\n");
            foreach (var action in verdict.QuickActions)
            {
                text.Append("- ").Append(MarkdownText.Code(action.Render())).Append('\n');
            }
        }

        text.Append('\n').Append(Answers(verdict)).Append(Footer());
        return new LintNoteContent(WithinLimit(text.ToString().TrimEnd()), [.. verdict.QuickActions.Select(a => a.Render())]);
    }

    /// <summary>What the note says once nothing is left to fix.</summary>
    public LintNoteContent Resolved() => ResolvedWith(string.Empty);

    private LintNoteContent ResolvedWith(string answers) => new(
        WithinLimit(LintNote.Marker + "\n### Issue hygiene: all resolved\n\nEverything the team's issue rules check is in order. Thank you!\n\n" + answers + Footer()),
        []);

    /// <summary>
    /// The note cut at a line end so it stays under GitLab's note limit (room is kept for the state line), with a count
    /// of what was cut. Each line is complete Markdown (a code span never spans lines), so a cut never opens one.
    /// </summary>
    internal static string WithinLimit(string note, int limit = LintNote.MaxLength - 1_000)
    {
        if (note.Length <= limit)
        {
            return note;
        }

        var cut = note.LastIndexOf('\n', limit - 100);
        cut = cut < 0 ? 0 : cut;
        return note[..cut] + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\n\n_{note.Length - cut} more characters not shown: the note reached GitLab's length limit._");
    }

    /// <summary>
    /// Waivers, command answers and the explanation (<c>@bot explain</c>), each a section ending in a blank line, or
    /// empty. User text (reasons, usernames, rule ids typed by people) only appears inside code spans.
    /// </summary>
    private static string Answers(Verdict verdict) => Answers(verdict.Waivers, verdict.Replies, verdict.Explanation);

    /// <summary>The same answer sections for any sticky note (the merge-request note shows them too).</summary>
    internal static string Answers(IReadOnlyList<RuleWaiver> waivers, IReadOnlyList<NoteReply> replies, IReadOnlyList<RuleCheck>? explanation)
    {
        var text = new StringBuilder();
        if (waivers.Count > 0)
        {
            text.Append("**Waived**\n\n");
            foreach (var waiver in waivers)
            {
                text.Append("- `").Append(waiver.RuleId).Append("` waived by ").Append(MarkdownText.Code(waiver.WaivedBy))
                    .Append(waiver.Until is { } until ? " until " + until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : " with no end date");
                if (!string.IsNullOrWhiteSpace(waiver.Reason))
                {
                    text.Append(": ").Append(MarkdownText.Code(waiver.Reason));
                }

                // Hidden: lets a process without the local store read the waiver back from GitLab.
                text.Append(' ').Append(WaiverMarker.For(waiver)).Append('\n');
            }

            text.Append('\n');
        }

        if (replies.Count > 0)
        {
            text.Append("**Answers**\n\n");
            foreach (var reply in replies.Take(MaxReplies))
            {
                text.Append("- ").Append(MarkdownText.Flatten(reply.Format(MarkdownText.Code))).Append('\n');
            }

            if (replies.Count > MaxReplies)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"- … and {replies.Count - MaxReplies} more answers not shown.\n");
            }

            text.Append('\n');
        }

        if (explanation is { } checks)
        {
            text.Append("**Every rule checked**\n\n| Result | Rule | Severity | Why |\n|---|---|---|---|\n");
            foreach (var check in checks)
            {
                var why = check.Findings.Count > 0
                    ? string.Join("; ", check.Findings.Select(f => f.Format(MarkdownText.Code)))
                    : MarkdownText.Cell(check.Summary);
                text.Append("| ").Append(check.Result switch
                {
                    RuleCheckResult.Passed => "✅ passed",
                    RuleCheckResult.Failed => "❌ failed",
                    _ => "⏸️ waived",
                }).Append(" | `").Append(check.RuleId).Append("` | ").Append(check.Severity.ToString().ToLowerInvariant())
                    .Append(" | ").Append(MarkdownText.Flatten(why)).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private string Footer() =>
        $"<sub>Checked by IssueHygiene against the team handbook's issue rules ({MarkdownText.Code(System.IO.Path.GetFileName(rules.Source.Length > 0 ? rules.Source : "rules"))}). "
        + $"This note is updated in place. To opt this issue out, add the label {MarkdownText.Code(rules.ExemptionLabel)}.</sub>";

    private static string Headline(int outstanding, int fixedCount) => (outstanding, fixedCount) switch
    {
        (0, _) => fixedCount == 1 ? "1 thing fixed" : $"{fixedCount} things fixed",
        (1, 0) => "1 thing to fix",
        (_, 0) => $"{outstanding} things to fix",
        _ => $"{outstanding} to fix, {fixedCount} fixed",
    };

    private static string SeverityBadge(Severity severity) => severity switch
    {
        Severity.Error => "🔴 error",
        Severity.Warning => "🟡 warning",
        _ => "🔵 info",
    };
}

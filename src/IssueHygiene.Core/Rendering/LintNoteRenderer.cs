using System.Text;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// Renders the sticky lint note (DESIGN.md §4): marker line, a findings table, how to fix each, what IssueHygiene
/// fixed, and how to opt out. User text appears only inside code spans in table cells or list items, so it never
/// starts a line, runs a quick action or mentions anyone. No timestamps: the same findings give the same bytes.
/// </summary>
public sealed class LintNoteRenderer(RuleSet rules)
{
    /// <summary>The note for a verdict's findings (errors and warnings that comment or fix), with fixes as commands.</summary>
    public LintNoteContent Render(Verdict verdict)
    {
        var findings = verdict.Violations.Where(v => v.InLintNote).ToList();
        if (findings.Count == 0)
        {
            return Resolved();
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
            else if (finding.FixUnavailable is { } why)
            {
                text.Append(" Not fixed automatically: ").Append(MarkdownText.Cell(why)).Append('.');
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

        text.Append('\n').Append(Footer());
        return new LintNoteContent(text.ToString().TrimEnd(), [.. verdict.QuickActions.Select(a => a.Render())]);
    }

    /// <summary>What the note says once nothing is left to fix.</summary>
    public LintNoteContent Resolved() => new(
        LintNote.Marker + "\n### Issue hygiene: all resolved\n\nEverything the team's issue rules check is in order. Thank you!\n\n" + Footer(),
        []);

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

using System.Text;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// The sticky note on a merge request: the same marker and state line as the issue note (so the same "one note,
/// edited in place" logic finds it), a findings table, how to fix each, and an all-clear text once clean. User text
/// (usernames, paths) appears only inside code spans. No timestamps: the same findings give the same bytes.
/// </summary>
public sealed class MergeRequestNoteRenderer(RuleSet rules)
{
    public LintNoteContent Render(MergeRequestVerdict verdict)
    {
        var findings = verdict.Violations.Where(v => v.InLintNote).ToList();
        if (findings.Count == 0)
        {
            return ResolvedWith(LintNoteRenderer.Answers(verdict.Waivers, verdict.Replies, verdict.Explanation));
        }

        var text = new StringBuilder();
        text.Append(LintNote.Marker).Append('\n');
        text.Append("### Merge request hygiene: ").Append(findings.Count == 1 ? "1 finding" : $"{findings.Count} findings").Append("\n\n");
        text.Append("| Severity | Rule | Finding |\n|---|---|---|\n");
        foreach (var finding in findings)
        {
            text.Append("| ").Append(finding.Severity == Severity.Error ? "🔴 error" : "🟡 warning")
                .Append(" | `").Append(finding.Rule).Append("` | ").Append(MarkdownText.Flatten(finding.Format(MarkdownText.Code))).Append(" |\n");
        }

        text.Append("\n**How to fix**\n\n");
        foreach (var finding in findings.DistinctBy(f => f.Rule))
        {
            text.Append("- `").Append(finding.Rule).Append("`: ").Append(MarkdownText.Flatten(finding.Help)).Append('\n');
        }

        text.Append('\n').Append(LintNoteRenderer.Answers(verdict.Waivers, verdict.Replies, verdict.Explanation)).Append(Footer());
        return new LintNoteContent(LintNoteRenderer.WithinLimit(text.ToString().TrimEnd()), [.. verdict.QuickActions.Select(a => a.Render())]);
    }

    /// <summary>What the note says once nothing is left to report.</summary>
    public LintNoteContent Resolved() => ResolvedWith(string.Empty);

    private LintNoteContent ResolvedWith(string answers) => new(
        LintNoteRenderer.WithinLimit(LintNote.Marker + "\n### Merge request hygiene: all resolved\n\nEverything the team's code review rules check is in order. Thank you!\n\n" + answers + Footer()),
        []);

    private string Footer() =>
        $"<sub>Checked by IssueHygiene against the team handbook's \"Code review\" rules ({MarkdownText.Code(Path.GetFileName(rules.Source.Length > 0 ? rules.Source : "rules"))}). "
        + $"This note is updated in place. To opt this merge request out, add the label {MarkdownText.Code(rules.ExemptionLabel)}.</sub>";
}

using System.Globalization;
using System.Text;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// A report for people. It opens with a one-screen summary (totals, change since the last run, per project, per rule),
/// then milestone findings, then each issue with its findings and writes; note bodies are collapsed
/// (<c>&lt;details&gt;</c>). It stays under a size limit: issues past it are only in the JSON report.
/// </summary>
public static class MarkdownReportRenderer
{
    /// <summary>Default size limit in characters: well under what GitLab renders in an artifact or a pasted comment.</summary>
    public const int DefaultMaxLength = 512 * 1024;

    private const int SummaryRows = 10;

    /// <summary>The "Code review" findings: one line per merge request with findings, and what was (or would be) written.</summary>
    private static void AppendMergeRequests(StringBuilder md, HygieneReport report)
    {
        if (report.MergeRequestCount == 0)
        {
            return;
        }

        md.Append("## Merge requests\n\n").Append(CultureInfo.InvariantCulture,
            $"{report.MergeRequestCount} merge requests checked, {report.MergeRequests.Count} with findings.\n\n");
        foreach (var entry in report.MergeRequests)
        {
            md.Append("- ").Append(MarkdownText.Code((entry.ProjectPath ?? entry.ProjectId.ToString(CultureInfo.InvariantCulture)) + "!" + entry.Iid.ToString(CultureInfo.InvariantCulture)))
                .Append(' ').Append(MarkdownText.Code(entry.Title)).Append(" (").Append(entry.State.ToString().ToLowerInvariant()).Append(")\n");
            foreach (var violation in entry.Violations)
            {
                md.Append("  - `").Append(violation.Rule).Append("` ").Append(MarkdownText.Flatten(violation.Format(MarkdownText.Code))).Append('\n');
            }

            if (entry.Writes.Count > 0)
            {
                md.Append("  - ").Append(report.DryRun ? "would write: " : "wrote: ")
                    .Append(string.Join(", ", entry.Writes.Select(w => w.Kind.ToString()))).Append('\n');
            }
        }

        md.Append('\n');
    }

    public static string Render(HygieneReport report, int maxLength = DefaultMaxLength)
    {
        var md = new StringBuilder();
        md.Append("# Issue hygiene report").Append(report.DryRun ? " (dry run: nothing was written)" : string.Empty).Append("\n\n");
        AppendSummary(md, report);
        if (report.Budget is { Stopped: true } budget)
        {
            md.Append("- Write budget: ").Append(budget.Describe(report.DryRun)).Append("\n\n");
        }

        if (report.Failures.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Issues GitLab refused or lost (the run went on): **{report.Failures.Count}**\n");
            foreach (var failure in report.Failures)
            {
                md.Append(CultureInfo.InvariantCulture, $"  - project {failure.ProjectId} issue {failure.Iid}: ").Append(MarkdownText.Flatten(failure.Error)).Append('\n');
            }

            md.Append('\n');
        }

        if (report.MilestoneFindings.Count > 0)
        {
            md.Append("## Milestones\n\n");
            foreach (var finding in report.MilestoneFindings)
            {
                md.Append("- `").Append(finding.Rule).Append("` ").Append(MarkdownText.Flatten(finding.Format(MarkdownText.Code))).Append('\n');
            }

            md.Append('\n');
        }

        AppendMergeRequests(md, report);
        if (report.Issues.Count > 0)
        {
            md.Append("## Issues\n\n");
            var shown = 0;
            foreach (var entry in report.Issues)
            {
                var section = IssueSection(entry, report.DryRun);
                if (md.Length + section.Length > maxLength - 512)
                {
                    md.Append(CultureInfo.InvariantCulture,
                        $"_… and {report.Issues.Count - shown} more issues: this report stops at {maxLength} characters; the JSON report lists every issue._\n");
                    break;
                }

                md.Append(section);
                shown++;
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void AppendSummary(StringBuilder md, HygieneReport report)
    {
        var total = report.CountOf(Severity.Error) + report.CountOf(Severity.Warning) + report.CountOf(Severity.Info);
        if (report.Scopes.Count > 0)
        {
            md.Append("- Scope: ").Append(string.Join(", ", report.Scopes.Select(MarkdownText.Code))).Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"- Issues checked: **{report.IssueCount}**, with findings: **{report.Issues.Count(i => i.Verdict.Violations.Count > 0)}**\n");
        // Totals are what the notes say: the findings left once this run's fixes are applied, and what they fixed.
        md.Append(CultureInfo.InvariantCulture, $"- Findings{(report.FixedByRule.Count > 0 ? " after this run's fixes" : string.Empty)}: **{report.CountOf(Severity.Error)}** errors, **{report.CountOf(Severity.Warning)}** warnings, **{report.CountOf(Severity.Info)}** info\n");
        if (report.FixedByRule.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Fixed by this run: **{report.FixedByRule.Values.Sum()}** ({string.Join(", ", report.FixedByRule.Select(r => $"`{r.Key}` {r.Value}"))})\n");
        }

        if (report.Skipped.Count > 0)
        {
            md.Append("- Skipped: ").Append(string.Join(", ", report.Skipped.Select(s => MarkdownText.Cell(s.Key) + ": " + s.Value.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }

        if (report.Change is { } change)
        {
            var delta = total - change.PreviousTotal;
            md.Append(CultureInfo.InvariantCulture,
                $"- Since the last run ({change.PreviousAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): **{change.New}** new, **{change.Resolved}** resolved ({(delta >= 0 ? "+" : "−")}{Math.Abs(delta)} in total)\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"- Writes {(report.DryRun ? "that would be made" : "made")}: **{report.WriteCount}**\n");
        if (report.BudgetExhausted)
        {
            md.Append("- **The write budget stopped this run**: the remaining writes wait for the next one\n");
        }

        md.Append('\n');

        var projects = report.IssuesByProject
            .Select(p => (Project: p.Key, Issues: p.Value, Findings: report.Tally.Where(t => t.Key.Project == p.Key).Sum(t => t.Value),
                Errors: report.Tally.Where(t => t.Key.Project == p.Key && t.Key.Severity == Severity.Error).Sum(t => t.Value)))
            .OrderByDescending(p => p.Findings).ThenBy(p => p.Project, StringComparer.Ordinal).ToList();
        if (projects.Count > 0)
        {
            md.Append("## Findings by project\n\n| Project | Issues | Findings | Errors |\n|---|---:|---:|---:|\n");
            foreach (var p in projects.Take(SummaryRows))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(p.Project)} | {p.Issues} | {p.Findings} | {p.Errors} |\n");
            }

            if (projects.Count > SummaryRows)
            {
                md.Append(CultureInfo.InvariantCulture, $"| _{projects.Count - SummaryRows} more (in the JSON report)_ | | | |\n");
            }

            md.Append('\n');
        }

        if (report.ByRule.Count > 0 || report.FixedByRule.Count > 0)
        {
            var previous = report.Change?.PreviousByRule;
            md.Append("## Findings by rule\n\n| Rule | Severity | Count | Change | Fixed by this run | What it checks |\n|---|---|---:|---:|---:|---|\n");
            var rules = report.ByRule.Keys.Union(report.FixedByRule.Keys).Select(r => (Rule: r, Count: report.ByRule.GetValueOrDefault(r)));
            foreach (var (rule, count) in rules.OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal))
            {
                var descriptor = RuleCatalog.Find(rule);
                var severity = report.Tally.Where(t => t.Key.Rule == rule).Select(t => (Severity?)t.Key.Severity).Max()
                    ?? descriptor?.DefaultSeverity ?? Severity.Info;
                var ruleChange = previous is null ? "–" : Signed(count - previous.GetValueOrDefault(rule));
                md.Append(CultureInfo.InvariantCulture, $"| `{rule}` | {severity.ToString().ToLowerInvariant()} | {count} | {ruleChange} | {report.FixedByRule.GetValueOrDefault(rule)} | {MarkdownText.Cell(descriptor?.Summary ?? string.Empty)} |\n");
            }

            md.Append('\n');
        }
    }

    private static string Signed(int delta) => delta > 0 ? "+" + delta.ToString(CultureInfo.InvariantCulture) : delta == 0 ? "±0" : "−" + (-delta).ToString(CultureInfo.InvariantCulture);

    private static string IssueSection(IssueReportEntry entry, bool dryRun)
    {
        var md = new StringBuilder();
        var issue = entry.Verdict.Issue;
        md.Append("### ").Append(Reference(issue)).Append('\n');
        if (issue.Confidential)
        {
            md.Append("\n_(confidential: title not shown)_\n");
        }
        else if (!string.IsNullOrEmpty(issue.Title))
        {
            md.Append('\n').Append(MarkdownText.Code(Secrets.SecretRedactor.Mask(issue.Title))).Append('\n');
        }

        md.Append('\n');
        if (HygieneReport.SkipReason(entry.Verdict) is { } skipped)
        {
            md.Append("- skipped: ").Append(MarkdownText.Cell(skipped)).Append('\n');
        }

        var fixesApplied = HygieneReport.FixesApplied(entry.Verdict, entry.PlannedWrites);
        foreach (var violation in entry.Verdict.Violations)
        {
            md.Append("- **").Append(violation.Severity.ToString().ToLowerInvariant()).Append("** `").Append(violation.Rule).Append("`: ")
                .Append(violation.Format(MarkdownText.Code));
            if (fixesApplied && violation.Fixes.Count > 0 && !entry.Verdict.ViolationsAfterFixes.Contains(violation))
            {
                md.Append(" (fixed by this run)");
            }

            md.Append('\n');
        }

        foreach (var write in entry.PlannedWrites)
        {
            md.Append("- ").Append(dryRun ? "would write" : "wrote").Append(" `").Append(write.Kind.Name()).Append('`');
            if (write.NoteId is { } noteId)
            {
                md.Append(CultureInfo.InvariantCulture, $" (note {noteId})");
            }

            if (write.QuickActions.Count > 0)
            {
                md.Append(": ").Append(string.Join(" ", write.QuickActions.Select(MarkdownText.Code)));
            }

            if (write.RestFields.Count > 0)
            {
                md.Append(": ").Append(string.Join(", ", write.RestFields.Select(f => MarkdownText.Code($"{f.Key}={f.Value}"))));
            }

            md.Append('\n');
            if (write.Body is { } body)
            {
                // The exact body, fenced so the report shows it instead of rendering (or running) it; collapsed, so the
                // report reads as a list of issues rather than a wall of notes.
                var fence = new string('`', Math.Max(3, LongestBacktickRun(body) + 1));
                md.Append("\n  <details><summary>note body</summary>\n\n  ").Append(fence).Append("markdown\n");
                foreach (var line in body.Split('\n'))
                {
                    md.Append("  ").Append(line).Append('\n');
                }

                md.Append("  ").Append(fence).Append("\n\n  </details>\n\n");
            }
        }

        md.Append('\n');
        return md.ToString();
    }

    private static string Reference(IssueSnapshot issue)
    {
        var name = issue.ProjectPath is { } path ? $"{path}#{issue.Iid}" : $"project {issue.ProjectId} #{issue.Iid}";
        var code = MarkdownText.Code(name);
        return issue.WebUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"[{code}](<{uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal)}>)"
            : code;
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}

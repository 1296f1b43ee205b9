using System.Globalization;
using System.Text;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Reporting;

/// <summary>A report for people: totals by rule and severity, milestone findings, then each issue with its findings and writes.</summary>
public static class MarkdownReportRenderer
{
    public static string Render(HygieneReport report)
    {
        var md = new StringBuilder();
        md.Append("# Issue hygiene report").Append(report.DryRun ? " (dry run: nothing was written)" : string.Empty).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Issues checked: **{report.IssueCount}**, with findings: **{report.Issues.Count(i => i.Verdict.Violations.Count > 0)}**\n");
        md.Append(CultureInfo.InvariantCulture, $"- Findings{(report.FixedByRule.Count > 0 ? " after this run's fixes" : string.Empty)}: **{report.CountOf(Severity.Error)}** errors, **{report.CountOf(Severity.Warning)}** warnings, **{report.CountOf(Severity.Info)}** info\n");
        if (report.FixedByRule.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Fixed by this run: **{report.FixedByRule.Values.Sum()}** ({string.Join(", ", report.FixedByRule.Select(r => $"`{r.Key}` {r.Value}"))})\n");
        }

        if (report.Skipped.Count > 0)
        {
            md.Append("- Skipped: ").Append(string.Join(", ", report.Skipped.Select(s => MarkdownText.Cell(s.Key) + ": " + s.Value.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"- Writes {(report.DryRun ? "that would be made" : "made")}: **{report.WriteCount}**\n\n");

        if (report.ByRule.Count > 0 || report.FixedByRule.Count > 0)
        {
            md.Append("## Findings by rule\n\n| Rule | Severity | Count | Fixed by this run | What it checks |\n|---|---|---:|---:|---|\n");
            var rules = report.ByRule.Keys.Union(report.FixedByRule.Keys).Select(r => (Rule: r, Count: report.ByRule.GetValueOrDefault(r)));
            foreach (var (rule, count) in rules.OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal))
            {
                var descriptor = RuleCatalog.Find(rule);
                var severity = report.Issues.SelectMany(i => i.Verdict.Violations).FirstOrDefault(v => v.Rule == rule)?.Severity
                    ?? report.MilestoneFindings.FirstOrDefault(f => f.Rule == rule)?.Severity ?? descriptor?.DefaultSeverity ?? Severity.Info;
                md.Append(CultureInfo.InvariantCulture, $"| `{rule}` | {severity.ToString().ToLowerInvariant()} | {count} | {report.FixedByRule.GetValueOrDefault(rule)} | {MarkdownText.Cell(descriptor?.Summary ?? string.Empty)} |\n");
            }

            md.Append('\n');
        }

        if (report.MilestoneFindings.Count > 0)
        {
            md.Append("## Milestones\n\n");
            foreach (var finding in report.MilestoneFindings)
            {
                md.Append("- `").Append(finding.Rule).Append("` ").Append(MarkdownText.Flatten(finding.Message)).Append('\n');
            }

            md.Append('\n');
        }

        if (report.Issues.Count > 0)
        {
            md.Append("## Issues\n\n");
            foreach (var entry in report.Issues)
            {
                var issue = entry.Verdict.Issue;
                md.Append("### ").Append(Reference(issue)).Append('\n');
                if (!string.IsNullOrEmpty(issue.Title))
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
                    md.Append("- ").Append(report.DryRun ? "would write" : "wrote").Append(" `").Append(write.Kind.Name()).Append('`');
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
                        // The exact body, fenced so the report shows it instead of rendering (or running) it.
                        var fence = new string('`', Math.Max(3, LongestBacktickRun(body) + 1));
                        md.Append("\n  ").Append(fence).Append("markdown\n");
                        foreach (var line in body.Split('\n'))
                        {
                            md.Append("  ").Append(line).Append('\n');
                        }

                        md.Append("  ").Append(fence).Append("\n\n");
                    }
                }

                md.Append('\n');
            }
        }

        return md.ToString().TrimEnd() + "\n";
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

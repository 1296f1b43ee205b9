using System.Globalization;
using System.Text;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Core.Summary;

/// <summary>
/// The summary issue's description: the run, totals by rule and severity, per project and per assignee, the change
/// since the previous run, the issues with errors as a task list, the summary-only findings and what the run wrote.
/// Every name that comes from GitLab (paths, usernames, titles) goes through <see cref="MarkdownText"/>; titles of
/// confidential issues are never shown. Bounded: the long lists are cut ("and N more", with a link to the full
/// report) until the whole fits in the given number of characters.
/// </summary>
public static class SummaryIssueRenderer
{
    /// <summary>GitLab's limit on an issue description, in characters.</summary>
    public const int GitLabDescriptionLimit = 1_048_576;

    private const int FirstCap = HygieneReport.MaxFlaggedKept;

    public static string Render(SummaryRun run, int maxLength = GitLabDescriptionLimit)
    {
        for (var cap = FirstCap; ; cap /= 2)
        {
            var text = RenderWithCap(run, cap);
            if (text.Length <= maxLength || cap == 0)
            {
                // Only the fixed parts are left and they still do not fit (an absurd limit): cut hard, marker kept.
                return text.Length <= maxLength ? text : text[..Math.Max(0, maxLength)];
            }
        }
    }

    private static string RenderWithCap(SummaryRun run, int cap)
    {
        var report = run.Report;
        var md = new StringBuilder();
        md.Append(SummaryIssueMarker.For(run.Scope)).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**Last run:** {run.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · scope {MarkdownText.Code(run.Scope)} · ")
            .Append(CultureInfo.InvariantCulture, $"**{report.IssueCount}** issues checked");
        if (report.DryRun)
        {
            md.Append(" · dry run (nothing was written)");
        }

        if (report.BudgetExhausted)
        {
            md.Append(" · **the write budget stopped this run**: some fixes wait for the next one");
        }

        md.Append("\n\n");
        md.Append("| Findings | Errors | Warnings | Info | Total |\n|---|---:|---:|---:|---:|\n");
        var total = report.CountOf(Severity.Error) + report.CountOf(Severity.Warning) + report.CountOf(Severity.Info);
        md.Append(CultureInfo.InvariantCulture, $"| this run | {report.CountOf(Severity.Error)} | {report.CountOf(Severity.Warning)} | {report.CountOf(Severity.Info)} | **{total}** |\n\n");

        if (report.Change is { } change)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"**Since the previous run** ({change.PreviousAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): **{change.New}** new, **{change.Resolved}** resolved; {Delta(total - change.PreviousTotal)} in total.\n\n");
        }
        else
        {
            md.Append("**Since the previous run:** this is the first run of this scope.\n\n");
        }

        AppendByRule(md, report);
        AppendByProject(md, report, cap, run.ReportUrl);
        AppendByAssignee(md, report, cap, run.ReportUrl);
        AppendIssues(md, "Issues with errors", report.IssuesWithErrors, report.IssuesWithErrorsCount, cap, run.ReportUrl);
        AppendIssues(md, "Listed here instead of a note (summary rules)", report.SummaryListed, report.SummaryListedCount, cap, run.ReportUrl);
        AppendWrites(md, report);
        md.Append("---\n_Kept current by IssueHygiene: every sweep edits this issue in place (it is never recreated). ")
            .Append("Edits made by hand are overwritten._\n");
        return md.ToString();
    }

    private static void AppendByRule(StringBuilder md, HygieneReport report)
    {
        if (report.ByRule.Count == 0 && report.Change is null)
        {
            return;
        }

        var severities = report.Tally.GroupBy(t => t.Key.Rule).ToDictionary(g => g.Key, g => g.Max(t => t.Key.Severity), StringComparer.Ordinal);
        var previous = report.Change?.PreviousByRule ?? new Dictionary<string, int>();
        md.Append("### By rule\n\n| Rule | Severity | Findings | Change |\n|---|---|---:|---:|\n");
        foreach (var rule in report.ByRule.Keys.Union(previous.Keys).Order(StringComparer.Ordinal))
        {
            var count = report.ByRule.GetValueOrDefault(rule);
            var severity = severities.TryGetValue(rule, out var s) ? s.ToString().ToLowerInvariant() : "–";
            var delta = report.Change is null ? "–" : Delta(count - previous.GetValueOrDefault(rule));
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(rule)} | {severity} | {count} | {delta} |\n");
        }

        md.Append('\n');
    }

    private static void AppendByProject(StringBuilder md, HygieneReport report, int cap, string? reportUrl)
    {
        var rows = report.IssuesByProject.Keys.Union(report.Tally.Keys.Select(k => k.Project)).Distinct(StringComparer.Ordinal)
            .Select(p => (Project: p, Counts: CountsWhere(report, k => k.Project == p), Issues: report.IssuesByProject.GetValueOrDefault(p)))
            .OrderByDescending(r => r.Counts.Error).ThenByDescending(r => r.Counts.Total).ThenBy(r => r.Project, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("### By project\n\n| Project | Issues | Errors | Warnings | Info |\n|---|---:|---:|---:|---:|\n");
        foreach (var row in rows.Take(cap))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(row.Project)} | {row.Issues} | {row.Counts.Error} | {row.Counts.Warning} | {row.Counts.Info} |\n");
        }

        AppendMore(md, rows.Count - cap, "projects", reportUrl);
        md.Append('\n');
    }

    private static void AppendByAssignee(StringBuilder md, HygieneReport report, int cap, string? reportUrl)
    {
        var rows = report.Tally.Keys.Where(k => k.Project != HygieneReport.MilestonesProject).Select(k => k.Assignee).Distinct(StringComparer.Ordinal)
            .Select(a => (Assignee: a, Counts: CountsWhere(report, k => k.Assignee == a && k.Project != HygieneReport.MilestonesProject)))
            .OrderByDescending(r => r.Counts.Error).ThenByDescending(r => r.Counts.Total).ThenBy(r => r.Assignee, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("### By assignee\n\n| Assignee | Errors | Warnings | Info |\n|---|---:|---:|---:|\n");
        foreach (var row in rows.Take(cap))
        {
            // A code span: a username never becomes an @mention (no notification storm from a summary edit).
            var who = row.Assignee.Length == 0 ? "_unassigned_" : MarkdownText.Code(row.Assignee);
            md.Append(CultureInfo.InvariantCulture, $"| {who} | {row.Counts.Error} | {row.Counts.Warning} | {row.Counts.Info} |\n");
        }

        AppendMore(md, rows.Count - cap, "assignees", reportUrl);
        md.Append('\n');
    }

    private static void AppendIssues(StringBuilder md, string heading, IReadOnlyList<FlaggedIssue> issues, int total, int cap, string? reportUrl)
    {
        if (total == 0)
        {
            return;
        }

        md.Append("### ").Append(heading).Append(CultureInfo.InvariantCulture, $" ({total})\n\n");
        foreach (var issue in issues.Take(cap))
        {
            md.Append("- [ ] ").Append(Link(MarkdownText.Code($"{issue.Project}#{issue.Iid}"), issue.WebUrl));
            md.Append(issue.Title is null ? " _(confidential)_" : " " + MarkdownText.Code(SecretRedactor.Mask(issue.Title)));
            md.Append(" — ").Append(string.Join(", ", issue.Rules.Select(MarkdownText.Code)));
            if (issue.Assignee.Length > 0)
            {
                md.Append(" · ").Append(MarkdownText.Code(issue.Assignee));
            }

            md.Append('\n');
        }

        AppendMore(md, total - Math.Min(cap, issues.Count), "issues", reportUrl);
        md.Append('\n');
    }

    private static void AppendWrites(StringBuilder md, HygieneReport report)
    {
        md.Append(report.DryRun ? "### What this run would write\n\n" : "### What this run wrote\n\n");
        var kinds = Enum.GetValues<WriteKind>().Where(k => report.WritesOf(k) > 0).ToList();
        if (kinds.Count == 0)
        {
            md.Append("Nothing besides this summary.\n\n");
            return;
        }

        foreach (var kind in kinds)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {report.WritesOf(kind)} × `{kind.Name()}`\n");
        }

        md.Append('\n');
    }

    private static void AppendMore(StringBuilder md, int more, string what, string? reportUrl)
    {
        if (more <= 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n_… and {more} more {what}_");
        md.Append(reportUrl is null ? " _(see the full report artifact)_" : " — " + Link("full report", reportUrl)).Append('\n');
    }

    private static (int Error, int Warning, int Info, int Total) CountsWhere(HygieneReport report, Func<FindingTallyKey, bool> match)
    {
        int error = 0, warning = 0, info = 0;
        foreach (var (key, count) in report.Tally)
        {
            if (!match(key))
            {
                continue;
            }

            switch (key.Severity)
            {
                case Severity.Error: error += count; break;
                case Severity.Warning: warning += count; break;
                default: info += count; break;
            }
        }

        return (error, warning, info, error + warning + info);
    }

    private static string Delta(int delta) => delta switch
    {
        > 0 => "+" + delta.ToString(CultureInfo.InvariantCulture),
        0 => "±0",
        _ => "−" + (-delta).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A link only to an absolute http(s) URL (anything else stays plain text); the URL cannot break out.</summary>
    internal static string Link(string text, string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"[{text}](<{uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)}>)"
            : text;
}

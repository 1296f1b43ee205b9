using System.Globalization;
using System.Text;
using IssueHygiene.Storage.Health;
using static System.Net.WebUtility;

namespace IssueHygiene.Dashboard;

/// <summary>
/// The dashboard as one server-rendered HTML page (no script, no external resource): findings over time per rule,
/// current findings by rule and by assignee, the last runs with their writes, and the waivers in force. Every count
/// links to the list of the issues it counts, each a link into GitLab. Titles of confidential issues are never stored,
/// so never shown.
/// </summary>
public static class DashboardPage
{
    /// <summary>The page's Content-Security-Policy: nothing but its own inline style; no script, no fetch.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
        header{background:#24292f;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
        header h1{font-size:18px;margin:0}header form{display:flex;gap:8px;align-items:center}
        main{padding:16px 24px;display:grid;grid-template-columns:repeat(auto-fit,minmax(780px,1fr));gap:16px}
        section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;overflow-x:auto}
        h2{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}td.n,th.n{text-align:right}
        a{color:#0969da}.muted{color:#656d76}.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0 0;padding:0;list-style:none}
        .swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
        svg .tick,svg .label,svg .value{font-size:11px;fill:#57606a}svg .axis{stroke:#8c959f}svg .grid{stroke:#eaeef2}
        svg .empty{font-size:13px;fill:#8c959f}.badge{font-size:11px;padding:1px 6px;border-radius:8px;background:#eaeef2}
        """;

    public static string Render(DashboardData data)
    {
        var html = new StringBuilder();
        Begin(html, "Issue hygiene dashboard");
        html.Append("<header><h1>Issue hygiene</h1><form method=\"get\" action=\"/\"><label>Project <select name=\"project\"><option value=\"\">all projects</option>");
        foreach (var project in data.Projects)
        {
            html.Append("<option").Append(project == data.Project ? " selected" : string.Empty).Append(" value=\"").Append(HtmlEncode(project)).Append("\">")
                .Append(HtmlEncode(project)).Append("</option>");
        }

        html.Append("</select></label><label><select name=\"view\"><option value=\"stacked\"").Append(data.Stacked ? " selected" : string.Empty)
            .Append(">stacked</option><option value=\"lines\"").Append(data.Stacked ? string.Empty : " selected").Append(">one line per rule</option></select></label>")
            .Append("<button type=\"submit\">Show</button></form>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">as of {data.Now.UtcDateTime:yyyy-MM-dd HH:mm} UTC</span></header><main>");

        AppendTrend(html, data);
        AppendCurrent(html, data);
        AppendRuns(html, data);
        AppendWaivers(html, data);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The issues behind a count: each a link into GitLab.</summary>
    public static string RenderIssues(IReadOnlyList<CurrentFinding> findings, string what)
    {
        var html = new StringBuilder();
        Begin(html, "Issues: " + what);
        html.Append("<header><h1>Issue hygiene</h1><a style=\"color:#fff\" href=\"/\">back to the dashboard</a></header><main><section>")
            .Append("<h2>").Append(HtmlEncode(what)).Append(CultureInfo.InvariantCulture, $"</h2><p class=\"muted\">{findings.Select(f => (f.ProjectId, f.IssueIid)).Distinct().Count()} issues, {findings.Count} findings</p>")
            .Append("<table><thead><tr><th>Issue</th><th>Title</th><th>Findings</th><th>Assignee</th></tr></thead><tbody>");
        foreach (var issue in findings.GroupBy(f => (f.ProjectId, f.IssueIid)).Take(1000))
        {
            var first = issue.First();
            html.Append("<tr><td>").Append(Link($"{first.Project}#{first.IssueIid}", first.WebUrl)).Append("</td><td>")
                .Append(first.Title is null ? "<span class=\"muted\">(confidential)</span>" : HtmlEncode(first.Title)).Append("</td><td>")
                .Append(string.Join(", ", issue.Select(f => $"<code>{HtmlEncode(f.Rule)}</code> <span class=\"badge\">{HtmlEncode(f.Severity)}</span>"))).Append("</td><td>")
                .Append(first.Assignee.Length == 0 ? "<span class=\"muted\">unassigned</span>" : HtmlEncode(first.Assignee)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section></main></body></html>");
        return html.ToString();
    }

    private static void Begin(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(HtmlEncode(title)).Append("</title><link rel=\"icon\" href=\"data:,\"><style>")
            .Append(Style).Append("</style></head><body>");

    private static void AppendTrend(StringBuilder html, DashboardData data)
    {
        var runs = data.Totals.GroupBy(t => t.RunId).Select(g => (Id: g.Key, At: g.First().FinishedAt)).OrderBy(r => r.At).ToList();
        var rules = data.Totals.Select(t => t.Total.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var values = runs.Select(r => rules.Select(rule => data.Totals.Where(t => t.RunId == r.Id && t.Total.Rule == rule).Sum(t => t.Total.Count)).ToArray()).ToArray();
        html.Append("<section><h2>Findings over time").Append(data.Project is null ? string.Empty : " in " + HtmlEncode(data.Project)).Append("</h2>")
            .Append(SvgCharts.Trend("trend", [.. runs.Select(r => r.At.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))], rules, values, data.Stacked))
            .Append("<ul class=\"legend\">");
        for (var i = 0; i < rules.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{SvgCharts.ColorOf(i)}\"></span>")
                .Append("<a href=\"").Append(HtmlEncode(IssuesHref(data.Project, rule: rules[i]))).Append("\">").Append(HtmlEncode(rules[i])).Append("</a></li>");
        }

        html.Append("</ul></section>");
    }

    private static void AppendCurrent(StringBuilder html, DashboardData data)
    {
        var byAssignee = data.Current.GroupBy(f => f.Assignee)
            .Select(g => (Label: g.Key.Length == 0 ? "(unassigned)" : g.Key, Value: g.Count(), Href: IssuesHref(data.Project, assignee: g.Key)))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Label, StringComparer.Ordinal).Take(25).ToList();
        html.Append("<section><h2>Current findings by assignee</h2>").Append(SvgCharts.Bars("assignees", "Current findings by assignee", byAssignee));
        html.Append("<h2 style=\"margin-top:12px\">Current findings by rule</h2><table><thead><tr><th>Rule</th><th class=\"n\">Errors</th><th class=\"n\">Warnings</th><th class=\"n\">Info</th><th class=\"n\">Issues</th></tr></thead><tbody>");
        foreach (var rule in data.Current.GroupBy(f => f.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var href = HtmlEncode(IssuesHref(data.Project, rule: rule.Key));
            html.Append("<tr><td><code>").Append(HtmlEncode(rule.Key)).Append("</code></td>");
            foreach (var severity in new[] { "error", "warning", "info" })
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{rule.Count(f => f.Severity == severity)}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\"><a href=\"{href}\">{rule.Select(f => (f.ProjectId, f.IssueIid)).Distinct().Count()}</a></td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendRuns(StringBuilder html, DashboardData data)
    {
        html.Append("<section><h2>Last runs</h2><table><thead><tr><th>Finished (UTC)</th><th>Scope</th><th class=\"n\">Issues</th><th class=\"n\">Findings</th><th>Writes</th></tr></thead><tbody>");
        foreach (var run in data.Runs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{run.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td><code>{HtmlEncode(run.ScopeKey)}</code>")
                .Append(run.DryRun ? " <span class=\"badge\">dry run</span>" : string.Empty)
                .Append(run.BudgetExhausted ? " <span class=\"badge\">budget stopped it</span>" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"</td><td class=\"n\">{run.Issues}</td><td class=\"n\">{run.Findings}</td><td>{run.Writes}")
                .Append(run.WritesByKind.Length > 0 ? " <span class=\"muted\">(" + HtmlEncode(run.WritesByKind) + ")</span>" : string.Empty).Append("</td></tr>");
        }

        if (data.Runs.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\" class=\"muted\">No runs yet.</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void AppendWaivers(StringBuilder html, DashboardData data)
    {
        html.Append("<section><h2>Waivers in force</h2><table><thead><tr><th>Issue</th><th>Rule</th><th>Until</th><th>By</th><th>Reason</th></tr></thead><tbody>");
        foreach (var waiver in data.Waivers)
        {
            var url = data.IssueUrls.TryGetValue((waiver.ProjectId, waiver.IssueIid), out var known) ? known : null;
            html.Append("<tr><td>").Append(Link($"project {waiver.ProjectId} #{waiver.IssueIid}", url)).Append("</td><td><code>").Append(HtmlEncode(waiver.RuleId))
                .Append("</code></td><td>").Append(waiver.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "<span class=\"muted\">no end date</span>")
                .Append("</td><td>").Append(HtmlEncode(waiver.WaivedBy)).Append("</td><td>").Append(HtmlEncode(waiver.Reason)).Append("</td></tr>");
        }

        if (data.Waivers.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\" class=\"muted\">No waivers in force.</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static string IssuesHref(string? project, string? rule = null, string? assignee = null)
    {
        var query = new List<string>();
        if (project is not null)
        {
            query.Add("project=" + Uri.EscapeDataString(project));
        }

        if (rule is not null)
        {
            query.Add("rule=" + Uri.EscapeDataString(rule));
        }

        if (assignee is not null)
        {
            query.Add("assignee=" + Uri.EscapeDataString(assignee));
        }

        return "/issues?" + string.Join('&', query);
    }

    /// <summary>A link only to an absolute http(s) URL; anything else is plain text.</summary>
    private static string Link(string text, string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{HtmlEncode(uri.AbsoluteUri)}\" rel=\"noreferrer\">{HtmlEncode(text)}</a>"
            : HtmlEncode(text);
}

using IssueHygiene.Hosting;
using IssueHygiene.Storage;

namespace IssueHygiene.Dashboard;

/// <summary><c>GET /</c> and <c>GET /issues</c> when <c>Dashboard:Enabled</c>: read-only, no login of its own (behind the operator's proxy).</summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app, HygieneOptions options)
    {
        if (!options.Dashboard.Enabled)
        {
            return;
        }

        app.MapGet("/", async (HttpContext http, DashboardDataLoader loader, CancellationToken cancellationToken) =>
        {
            var project = http.Request.Query["project"].ToString();
            var data = await loader.LoadAsync(project.Length == 0 ? null : project, http.Request.Query["view"] != "lines", cancellationToken);
            return Page(http, DashboardPage.Render(data));
        });
        app.MapGet("/issues", async (HttpContext http, IHygieneStore store, CancellationToken cancellationToken) =>
        {
            string? Get(string name) => http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;
            var (project, rule, assignee) = (Get("project"), Get("rule"), Get("assignee"));
            var findings = (await store.Health.ListCurrentFindingsAsync(cancellationToken))
                .Where(f => (project is null || f.Project == project) && (rule is null || f.Rule == rule) && (assignee is null || f.Assignee == assignee))
                .ToList();
            var what = string.Join(", ", new[] { ("rule", rule), ("assignee", assignee), ("project", project) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}"));
            return Page(http, DashboardPage.RenderIssues(findings, what.Length == 0 ? "all current findings" : what));
        });
    }

    private static IResult Page(HttpContext http, string html)
    {
        http.Response.Headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Tests.Serve;
using Xunit.Abstractions;

namespace IssueHygiene.Tests.Dashboard;

/// <summary>The dashboard <c>serve</c> answers at <c>GET /</c>, in a real headless browser, over seeded history.</summary>
[Trait("Category", "Slow")]
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Rules = ["milestone-required", "type-label", "flow-label-known"];

    /// <summary>Where the screenshot is kept: tests/IssueHygiene.Tests/TestResults/dashboard.png.</summary>
    private static string ScreenshotPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "dashboard.png"));

    [Fact]
    public async Task Dashboard_InHeadlessChromium_ShowsTheSeededHistoryWithNoConsoleErrorAndNoEmptyChart()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var chromium = HeadlessChromium.FindExecutable();
        Assert.True(chromium is not null, "chromium is not installed: ./test.sh installs Debian's chromium package when it is missing (apt-get, as root)");
        await using var serve = await ServeHarness.StartAsync(configure: c => c["Dashboard:Enabled"] = "true", registerHook: false);
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(serve.Store, now);

        await using var browser = await HeadlessChromium.StartAsync(chromium, ct);
        await browser.NavigateAsync(serve.Url + "/", ct);

        var charts = (await browser.EvaluateAsync(
            "[...document.querySelectorAll('svg.chart')].map(s => ({ id: s.id, marks: [...s.querySelectorAll('.bar')].filter(b => Number(b.dataset.count) > 0).length }))", ct))!.AsArray();
        var text = (await browser.EvaluateAsync("document.body.innerText", ct))!.GetValue<string>();
        var links = (await browser.EvaluateAsync("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))", ct))!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        var png = await browser.ScreenshotAsync(ct);
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await File.WriteAllBytesAsync(ScreenshotPath, png, ct);
        output.WriteLine($"dashboard screenshot: {ScreenshotPath}");

        Assert.Empty(browser.Errors);
        Assert.Equal(["trend", "assignees"], charts.Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(charts, c => Assert.True(c!["marks"]!.GetValue<int>() > 0, $"chart {c["id"]} is empty"));
        // Three runs, each stacked by the rules that had findings: 3 + 3 + 2 marks.
        Assert.Equal(8, charts[0]!["marks"]!.GetValue<int>());
        foreach (var day in new[] { -2, -1, 0 })
        {
            Assert.Contains(now.AddDays(day).UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }

        Assert.Contains("flow-label-known", text, StringComparison.Ordinal);
        Assert.Contains("douwe", text, StringComparison.Ordinal);
        Assert.Contains("waiting for the vendor", text, StringComparison.Ordinal);
        Assert.Contains("note-create=4", text, StringComparison.Ordinal);
        Assert.Contains("/issues?assignee=douwe", links);
        Assert.Contains("/issues?rule=milestone-required", links);
        Assert.DoesNotContain(links, l => l.StartsWith("//", StringComparison.Ordinal) || (l.StartsWith("http", StringComparison.Ordinal) && !l.StartsWith("https://gitlab.example.com/", StringComparison.Ordinal)));

        // A count's issues: links into GitLab, and a confidential issue's title is never there (it was never stored).
        await browser.NavigateAsync(serve.Url + "/issues?rule=milestone-required", ct);
        var issuesText = (await browser.EvaluateAsync("document.body.innerText", ct))!.GetValue<string>();
        var gitLabLinks = (await browser.EvaluateAsync("[...document.querySelectorAll('td a')].map(a => a.href)", ct))!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.Equal(["https://gitlab.example.com/meltano/meltano/-/issues/1", "https://gitlab.example.com/meltano/meltano/-/issues/2"], gitLabLinks);
        Assert.Contains("<script>alert(1)</script>", issuesText, StringComparison.Ordinal);
        Assert.Contains("(confidential)", issuesText, StringComparison.Ordinal);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Dashboard_IsOffByDefault_AndTheWebhookPathKeepsCurrentFindings()
    {
        await using var serve = await ServeHarness.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await serve.Http.GetAsync("/")).StatusCode);
        var iid = await serve.CreateIssueAsync("No milestone yet", labels: "Bug");
        Assert.True(await Eventually.HoldsAsync(
            async () => (await serve.Store.Health.ListCurrentFindingsAsync()).Any(f => f.IssueIid == iid && f.Rule == "milestone-required"),
            TimeSpan.FromSeconds(15)), "the webhook path did not store the issue's current findings");
    }

    private static async Task SeedAsync(IHygieneStore store, DateTimeOffset now)
    {
        int[][] counts = [[5, 7, 2], [3, 6, 2], [0, 4, 1]];
        for (var day = 0; day < 3; day++)
        {
            var at = now.AddDays(day - 2);
            var totals = Rules.Select((rule, r) => new HealthTotal(rule, "meltano/meltano", r == 1 ? "" : "douwe", r == 1 ? "warning" : "error", counts[day][r]))
                .Where(t => t.Count > 0).ToList();
            await store.Health.RecordRunAsync(new HealthRun($"run-{day}", "group:meltano", at, 120, totals.Sum(t => t.Count), 4, "note-create=4", DryRun: day == 0, BudgetExhausted: false), totals);
        }

        await store.Health.ReplaceCurrentFindingsAsync(
        [
            new IssueFindings(7, 1, [new CurrentFinding(7, 1, "milestone-required", "error", "meltano/meltano", "douwe", "https://gitlab.example.com/meltano/meltano/-/issues/1", "<script>alert(1)</script>")]),
            new IssueFindings(7, 2, [new CurrentFinding(7, 2, "milestone-required", "error", "meltano/meltano", "taylor", "https://gitlab.example.com/meltano/meltano/-/issues/2", null)]),
            new IssueFindings(7, 3, [new CurrentFinding(7, 3, "type-label", "warning", "meltano/meltano", "", "javascript:alert(1)", "Bad link")]),
        ], now);
        await store.LintNotes.UpsertWaiverAsync(new Waiver(7, 1, "type-label", DateOnly.FromDateTime(now.UtcDateTime).AddDays(14), "waiting for the vendor", "douwe", now));
    }
}

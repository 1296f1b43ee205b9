using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// The native executable that ships (<c>dotnet publish -p:NativeAot=true</c>: the Dockerfile, the benchmarks), run the
/// way users run it. Compile-time generated code (configuration binding, request delegates, JSON) is what it shares with
/// the JIT build the other tests run; these tests catch what only shows at run time in the native one.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class NativeExecutableTests(NativeExecutableFixture native) : IClassFixture<NativeExecutableFixture>
{
    /// <summary>
    /// The whole <c>demo</c> (simulator, dry run, live sweep, second sweep, summary issue, dashboard, merge requests):
    /// the native executable's output is the JIT build's, byte for byte once ports, folders and durations are masked.
    /// </summary>
    [Fact]
    public async Task Demo_WritesWhatTheJitBuildWrites()
    {
        var nativeRun = native.NewRunDirectory("native-demo");
        var jitRun = native.NewRunDirectory("jit-demo");
        // At the same time, so both see the same day (the demo's sprints are dated from today).
        var nativeDemo = ProgramRun.RunAsync(native.Executable, nativeRun, "demo");
        var jitDemo = ProgramRun.RunAsync("dotnet", jitRun, Path.Combine(AppContext.BaseDirectory, "issue-hygiene.dll"), "demo");
        var (fromNative, fromJit) = (await nativeDemo, await jitDemo);

        Assert.True(fromJit.Exit == 0, fromJit.Output);
        Assert.True(fromNative.Exit == 0, fromNative.Output);
        Assert.Equal(Masked(fromJit.Output, jitRun), Masked(fromNative.Output, nativeRun));
        var jitFiles = ReportFiles(jitRun);
        var nativeFiles = ReportFiles(nativeRun);
        Assert.Equal(jitFiles, nativeFiles);
        Assert.Contains("2-live-sweep.md", nativeFiles);
        foreach (var file in jitFiles)
        {
            var expected = Masked(await File.ReadAllTextAsync(Path.Combine(jitRun, "demo-output", file)), jitRun);
            var actual = Masked(await File.ReadAllTextAsync(Path.Combine(nativeRun, "demo-output", file)), nativeRun);
            Assert.True(expected == actual, $"{file} differs between the JIT build and the native executable");
        }
    }

    /// <summary><c>serve</c> from the native executable: a webhook becomes one sticky note, and /status and /metrics answer.</summary>
    [Fact]
    public async Task Serve_IssueHookBecomesOneStickyNote_StatusAndMetricsAnswer()
    {
        await using var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Seed = 5 });
        var project = simulator.Handbook!.Projects[0];
        long id, iid;
        using (var admin = simulator.CreateClient())
        {
            using var created = await admin.PostAsJsonAsync($"/api/v4/projects/{project.Id}/issues", new Dictionary<string, object>
            {
                ["title"] = "Native executable: no milestone, no flow label",
                ["created_at"] = DateTimeOffset.UtcNow.AddHours(-3).ToString("O", CultureInfo.InvariantCulture),
            });
            var issue = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            (id, iid) = (issue["id"]!.GetValue<long>(), issue["iid"]!.GetValue<long>());
        }

        var environment = new Dictionary<string, string>
        {
            ["IssueHygiene__GitLab__BaseUrl"] = simulator.BaseUrl,
            ["IssueHygiene__GitLab__Token"] = simulator.BotToken,
            ["IssueHygiene__Webhook__Secrets__0"] = ServeHarness.Secret,
            ["IssueHygiene__Storage__ConnectionString"] = $"Data Source={Path.Combine(native.NewRunDirectory("serve"), "store.db")}",
            ["IssueHygiene__DryRun"] = "false",
            ["IssueHygiene__Rules__Path"] = CliRunner.Repo("rules/handbook.yml"),
            ["IssueHygiene__Scopes__Groups__0"] = simulator.Handbook.GroupPath,
            ["IssueHygiene__Worker__Debounce"] = "00:00:00.020",
            ["IssueHygiene__Serilog__MinimumLevel__Override__IssueHygiene"] = "Warning",
        };
        using var serve = await ServeProcess.StartAsync(ServeProcess.FreePort(), environment, native.Executable);
        using var http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromSeconds(5) };
        var hook = IssueHookBody.Updated(project.Id, project.PathWithNamespace, id, iid, "Native executable: no milestone, no flow label");

        using (var response = await WebhookDeliveryClient.PostAsync(http, hook))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        int LintNotes() => simulator.State.Notes(project.Id, iid).Count(n => LintNote.IsLintNote(n.Body));
        await Eventually.HoldsAsync(() => LintNotes() == 1, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        Assert.True(LintNotes() == 1, "no sticky note; serve's log:\n" + string.Join('\n', serve.RecentLog));
        var status = JsonNode.Parse(await http.GetStringAsync(new Uri("/status", UriKind.Relative)))!;
        Assert.Equal(0, status["queue"]!["depth"]!.GetValue<long>());
        Assert.Contains("issuehygiene_", await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(1, LintNotes());
    }

    private static List<string> ReportFiles(string run) =>
        [.. Directory.GetFiles(Path.Combine(run, "demo-output")).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// What differs between two identical runs: the simulator's port, the run's folder, how long things took, and the
    /// minute a run is stamped with ("since the last run (2026-12-02 05:33 UTC)": a minute may turn between the two).
    /// </summary>
    private static string Masked(string text, string runDirectory)
    {
        var masked = Port().Replace(text.Replace(runDirectory, "RUN", StringComparison.Ordinal), "127.0.0.1:PORT");
        return RunTime().Replace(Duration().Replace(masked, "N s"), "WHEN");
    }

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"\d+(\.\d+)? s\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(\d{4}-)?\d\d-\d\d \d\d:\d\d")]
    private static partial Regex RunTime();
}

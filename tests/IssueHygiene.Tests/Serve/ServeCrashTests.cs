using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Serve;

/// <summary><c>serve</c> killed with SIGKILL in the middle of a burst and started again loses nothing it acknowledged.</summary>
[Trait("Category", "Slow")]
public sealed class ServeCrashTests
{
    [Fact]
    public async Task Serve_KilledDuringBurstAndRestarted_EveryAcknowledgedDeliveryProcessedNoDuplicateNotes()
    {
        await using var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Seed = 3 });
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var storePath = Path.Combine(directory, "store.db");
        var project = simulator.Handbook!.Projects[0];
        var issues = new List<(long Id, long Iid)>();
        using (var admin = simulator.CreateClient())
        {
            for (var i = 0; i < 30; i++)
            {
                var response = await admin.PostAsJsonAsync($"/api/v4/projects/{project.Id}/issues", new Dictionary<string, object>
                {
                    ["title"] = $"Crash {i}",
                    ["labels"] = "Extract",
                    ["created_at"] = DateTimeOffset.UtcNow.AddHours(-3).ToString("O", CultureInfo.InvariantCulture),
                });
                var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                issues.Add((json["id"]!.GetValue<long>(), json["iid"]!.GetValue<long>()));
            }
        }

        var environment = new Dictionary<string, string>
        {
            ["IssueHygiene__GitLab__BaseUrl"] = simulator.BaseUrl,
            ["IssueHygiene__GitLab__Token"] = simulator.BotToken,
            ["IssueHygiene__GitLab__NotesPerMinute"] = "1000000",
            ["IssueHygiene__GitLab__RequestsPerMinute"] = "1000000",
            ["IssueHygiene__Webhook__Secrets__0"] = ServeHarness.Secret,
            ["IssueHygiene__Storage__ConnectionString"] = $"Data Source={storePath}",
            ["IssueHygiene__DryRun"] = "false",
            ["IssueHygiene__Rules__Path"] = CliRunner.Repo("rules/handbook.yml"),
            ["IssueHygiene__Scopes__Groups__0"] = simulator.Handbook.GroupPath,
            ["IssueHygiene__Worker__VisibilityTimeout"] = "00:00:05",
            ["IssueHygiene__Worker__Debounce"] = "00:00:00.020",
        };
        var port = ServeProcess.FreePort();
        var acknowledged = new ConcurrentBag<long>();
        var serve = await ServeProcess.StartAsync(port, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromSeconds(5) };
            var sent = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, 600), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
            {
                var (id, iid) = issues[n % issues.Count];
                if (Interlocked.Increment(ref sent) == 250)
                {
                    serve.Kill();
                }

                try
                {
                    using var response = await WebhookDeliveryClient.PostAsync(http, IssueHookBody.Updated(project.Id, project.PathWithNamespace, id, iid, $"edit {n}"));
                    if (response.IsSuccessStatusCode)
                    {
                        var delivery = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!["delivery"]!.GetValue<long>();
                        acknowledged.Add(delivery);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not acknowledged: GitLab would count a failure; nothing is promised for these.
                }
            });
            Assert.True(serve.HasExited);
            Assert.InRange(acknowledged.Count, 100, 300);
        }
        finally
        {
            serve.Dispose();
        }

        using (var restarted = await ServeProcess.StartAsync(port, environment))
        {
            using var http = new HttpClient { BaseAddress = new Uri(restarted.Url) };
            async Task<long> DepthAsync() => JsonNode.Parse(await http.GetStringAsync("/status"))!["queue"]!["depth"]!.GetValue<long>();
            await Eventually.HoldsAsync(async () => await DepthAsync() == 0, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(200));
            Assert.Equal(0, await DepthAsync());
        }

        await using var store = HygieneStoreFactory.Create(new StorageOptions { ConnectionString = $"Data Source={storePath}" }, TimeProvider.System);
        await store.InitializeAsync();
        foreach (var id in acknowledged)
        {
            Assert.Equal(DeliveryStatus.Done, (await store.Deliveries.GetAsync(id))!.Status);
        }

        foreach (var (_, iid) in issues)
        {
            Assert.True(simulator.State.Notes(project.Id, iid).Count(n => LintNote.IsLintNote(n.Body)) <= 1, $"issue {iid} has more than one lint note");
        }

        Assert.Equal(issues.Count, issues.Count(i => simulator.State.Notes(project.Id, i.Iid).Any(n => LintNote.IsLintNote(n.Body))));
    }
}

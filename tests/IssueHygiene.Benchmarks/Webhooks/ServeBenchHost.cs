using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace IssueHygiene.Benchmarks.Webhooks;

/// <summary>A seeded simulator and an in-process <c>serve</c> on 127.0.0.1 with its store in a temporary SQLite file.</summary>
internal sealed class ServeBenchHost : IAsyncDisposable
{
    public const string Secret = "benchmark-secret-0123456789abcdef";

    private readonly string _directory;

    private ServeBenchHost(SimulatedGitLab simulator, WebApplication serve, string url, string directory)
    {
        Simulator = simulator;
        Serve = serve;
        Url = url;
        _directory = directory;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(url) };
    }

    public SimulatedGitLab Simulator { get; }

    public WebApplication Serve { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public long ProjectId => Simulator.Handbook!.Projects[0].Id;

    public static async Task<ServeBenchHost> StartAsync(string durability, bool registerHook)
    {
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Seed = 1 });
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var serve = ServeHost.Build(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            ConsoleLogs = false,
            ConfigureLogging = l => l.MinimumLevel.Is(LogEventLevel.Warning),
            ConfigurationOverrides = new Dictionary<string, string?>
            {
                ["GitLab:BaseUrl"] = simulator.BaseUrl,
                ["GitLab:Token"] = simulator.BotToken,
                ["GitLab:NotesPerMinute"] = "1000000",
                ["GitLab:RequestsPerMinute"] = "1000000",
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "store.db")}",
                ["Storage:Durability"] = durability,
                ["DryRun"] = "false",
                ["Rules:Path"] = RepositoryPaths.Handbook,
                ["Scopes:Groups:0"] = simulator.Handbook!.GroupPath,
                ["Webhook:Secrets:0"] = Secret,
                ["Worker:Debounce"] = "00:00:00.050",
                ["Worker:IdlePoll"] = "00:00:00.200",
            },
        });
        await serve.StartAsync();
        var url = serve.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new ServeBenchHost(simulator, serve, url, directory);
        if (registerHook)
        {
            using var admin = simulator.CreateClient();
            (await admin.PostAsJsonAsync($"/api/v4/groups/{simulator.Handbook.GroupId}/hooks", new Dictionary<string, object>
            {
                ["url"] = url + "/webhooks/gitlab",
                ["token"] = Secret,
                ["issues_events"] = true,
                ["note_events"] = true,
            })).EnsureSuccessStatusCode();
        }

        return host;
    }

    /// <summary>Creates an issue (two hours old, no milestone: it needs a note and a fix) and returns its iid and global id.</summary>
    public async Task<(long Iid, long Id)> CreateIssueAsync(HttpClient admin, string title)
    {
        var response = await admin.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/issues", new Dictionary<string, object>
        {
            ["title"] = title,
            ["labels"] = "Bug,Extract",
            ["created_at"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture),
        });
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["iid"]!.GetValue<long>(), json["id"]!.GetValue<long>());
    }

    /// <summary>A GitLab-shaped Issue Hook body (an update with a 2 KiB description and its previous version in <c>changes</c>).</summary>
    public string IssueHookBody(long id, long iid, int n)
    {
        var description = new string('d', 2048);
        return new JsonObject
        {
            ["object_kind"] = "issue",
            ["event_type"] = "issue",
            ["user"] = new JsonObject { ["id"] = 1, ["name"] = "Administrator", ["username"] = "root", ["avatar_url"] = "http://www.gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=40&d=identicon", ["email"] = "admin@example.com" },
            ["project"] = new JsonObject { ["id"] = ProjectId, ["name"] = "Meltano", ["path_with_namespace"] = Simulator.Handbook!.Projects[0].PathWithNamespace, ["web_url"] = "http://example.com/handbook-org/meltano" },
            ["object_attributes"] = new JsonObject
            {
                ["id"] = id,
                ["iid"] = iid,
                ["project_id"] = ProjectId,
                ["title"] = $"edit {n}",
                ["description"] = description,
                ["state"] = "opened",
                ["action"] = "update",
                ["created_at"] = "2026-11-23 06:00:00 UTC",
                ["updated_at"] = "2026-11-23 09:00:00 UTC",
                ["url"] = "http://example.com/handbook-org/meltano/-/issues/" + iid,
            },
            ["labels"] = new JsonArray(new JsonObject { ["id"] = 206, ["title"] = "Bug", ["color"] = "#D9534F", ["type"] = "GroupLabel" }),
            ["changes"] = new JsonObject
            {
                ["description"] = new JsonObject { ["previous"] = description + "x", ["current"] = description },
                ["updated_at"] = new JsonObject { ["previous"] = "2026-11-23 08:00:00 UTC", ["current"] = "2026-11-23 09:00:00 UTC" },
            },
        }.ToJsonString();
    }

    public async Task<int> PostAsync(string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gitlab")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Gitlab-Event", "Issue Hook");
        request.Headers.Add("X-Gitlab-Token", Secret);
        request.Headers.Add("X-Gitlab-Event-UUID", Guid.NewGuid().ToString());
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Serve.StopAsync();
        await Serve.DisposeAsync();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder: cleaned by the OS.
        }
    }
}

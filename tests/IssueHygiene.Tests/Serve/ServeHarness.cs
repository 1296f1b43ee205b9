using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Serving;
using IssueHygiene.Storage;
using IssueHygiene.Tests.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// A seeded simulator whose group webhook points at a real in-process <c>serve</c> (Kestrel on 127.0.0.1), with the
/// store in a temporary SQLite file and every log event captured.
/// </summary>
internal sealed class ServeHarness : IAsyncDisposable
{
    public const string Secret = "webhook-secret-0123456789abcdef";

    private readonly string _directory;

    private ServeHarness(SimulatedGitLab simulator, string directory, WebApplication host, string url, CapturedLogs logs)
    {
        Simulator = simulator;
        _directory = directory;
        Host = host;
        Url = url;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimulatedGitLab Simulator { get; }

    public WebApplication Host { get; }

    public string Url { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Http { get; }

    public IHygieneStore Store => Host.Services.GetRequiredService<IHygieneStore>();

    public string StorePath => Path.Combine(_directory, "store.db");

    public long ProjectId => Simulator.Handbook!.Projects[0].Id;

    public static Dictionary<string, string?> BaseConfiguration(SimulatedGitLab simulator, string storePath) => new()
    {
        ["GitLab:BaseUrl"] = simulator.BaseUrl,
        ["GitLab:Token"] = simulator.BotToken,
        ["GitLab:NotesPerMinute"] = "1000000",
        ["GitLab:RequestsPerMinute"] = "1000000",
        ["GitLab:RetryBaseDelay"] = "00:00:00.010",
        ["GitLab:Timeout"] = "00:00:05",
        ["Storage:ConnectionString"] = $"Data Source={storePath}",
        ["DryRun"] = "false",
        ["Rules:Path"] = CliRunner.Repo("rules/handbook.yml"),
        ["Scopes:Groups:0"] = simulator.Handbook!.GroupPath,
        ["Webhook:Secrets:0"] = Secret,
        ["Worker:Debounce"] = "00:00:00.050",
        ["Worker:IdlePoll"] = "00:00:00.200",
        ["Worker:RetryBaseDelay"] = "00:00:00.100",
        ["Worker:RetryMaxDelay"] = "00:00:00.500",
        ["Worker:MaxAttempts"] = "3",
        // These harnesses test per-issue writes and their convergence; the summary issue (one more write per sweep)
        // is tested with it on, by SummaryIssueEndToEndTests.
        ["Summary:Enabled"] = "false",
    };

    public static async Task<ServeHarness> StartAsync(int issues = 0, Action<Dictionary<string, string?>>? configure = null, bool registerHook = true)
    {
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = issues, Seed = 11 });
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = BaseConfiguration(simulator, Path.Combine(directory, "store.db"));
        configure?.Invoke(configuration);
        var logs = new CapturedLogs();
        var host = ServeHost.Build(new ServeSettings
        {
            ConfigurationOverrides = configuration,
            Urls = "http://127.0.0.1:0",
            ConsoleLogs = false,
            ConfigureLogging = l => l.MinimumLevel.Verbose().WriteTo.Sink(logs),
        });
        await host.StartAsync();
        var url = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var harness = new ServeHarness(simulator, directory, host, url, logs);
        if (registerHook)
        {
            await harness.RegisterGroupHookAsync(Secret);
        }

        return harness;
    }

    public async Task RegisterGroupHookAsync(string token)
    {
        using var admin = Simulator.CreateClient();
        var response = await admin.PostAsJsonAsync($"/api/v4/groups/{Simulator.Handbook!.GroupId}/hooks", new Dictionary<string, object>
        {
            ["url"] = Url + "/webhooks/gitlab",
            ["token"] = token,
            ["issues_events"] = true,
            ["confidential_issues_events"] = true,
            ["note_events"] = true,
            ["confidential_note_events"] = true,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates an issue as <paramref name="sudo"/> (default root), created two hours ago so it is past the grace period.</summary>
    /// <summary>Creates an issue (or, with <paramref name="issueType"/>, a task, incident or test case) through the REST API.</summary>
    public async Task<long> CreateIssueAsync(
        string title, string labels = "", long? milestoneId = null, string? sudo = null, long? projectId = null, string? issueType = null, string? description = null)
    {
        using var client = Simulator.CreateClient(sudo: sudo);
        var body = new Dictionary<string, object>
        {
            ["title"] = title,
            ["labels"] = labels,
            ["created_at"] = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture),
        };
        if (milestoneId is { } id)
        {
            body["milestone_id"] = id;
        }

        if (issueType is not null)
        {
            body["issue_type"] = issueType;
        }

        if (description is not null)
        {
            body["description"] = description;
        }

        var response = await client.PostAsJsonAsync($"/api/v4/projects/{projectId ?? ProjectId}/issues", body);
        response.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["iid"]!.GetValue<long>();
    }

    public async Task CommentAsync(long iid, string text, string sudo, long? projectId = null)
    {
        using var client = Simulator.CreateClient(sudo: sudo);
        var response = await client.PostAsJsonAsync($"/api/v4/projects/{projectId ?? ProjectId}/issues/{iid}/notes", new Dictionary<string, object> { ["body"] = text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until GitLab has sent every webhook and the queue is empty, twice in a row (echoes settle).</summary>
    public async Task WaitForQuietAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var quietRounds = 0;
        while (quietRounds < 3)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var counts = await Store.Deliveries.GetCountsAsync();
                throw new TimeoutException($"not quiet: queue {counts}");
            }

            await Simulator.WaitForWebhooksAsync();
            var depth = (await Store.Deliveries.GetCountsAsync()).Depth;
            quietRounds = depth == 0 ? quietRounds + 1 : 0;
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<NoteView> LintNotes(long iid, long? projectId = null) =>
        [.. Simulator.State.Notes(projectId ?? ProjectId, iid).Where(n => !n.System && LintNote.IsLintNote(n.Body))];

    public int NonGetRequests() => Simulator.RequestLog.Entries.Count(e => e.Method != "GET" && e.Path.StartsWith("/api/", StringComparison.Ordinal) && !e.Path.Contains("/hooks", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing: the temp folder is cleaned by the OS.
        }
    }
}

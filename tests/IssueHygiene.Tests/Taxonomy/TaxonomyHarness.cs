using System.Globalization;
using System.Text.Json;
using IssueHygiene.Cli;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary>
/// A seeded simulator and the command line sharing one clock (a <see cref="TimeProvider"/>, fake when a test needs a
/// particular day), a store file, and helpers to shape the tracker through the admin API.
/// </summary>
internal sealed class TaxonomyHarness : IAsyncDisposable
{
    private readonly string _directory;

    private TaxonomyHarness(SimulatedGitLab simulator, TimeProvider time, string directory)
    {
        Simulator = simulator;
        Time = time;
        _directory = directory;
        Admin = simulator.CreateClient();
    }

    public SimulatedGitLab Simulator { get; }

    public TimeProvider Time { get; }

    public HttpClient Admin { get; }

    public string GroupPath => Simulator.Handbook!.GroupPath;

    public long GroupId => Simulator.Handbook!.GroupId;

    public string Directory => _directory;

    public static async Task<TaxonomyHarness> StartAsync(TimeProvider? time = null, int issues = 0, int seed = 7)
    {
        time ??= TimeProvider.System;
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = issues, Seed = seed, TimeProvider = time });
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-taxonomy-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TaxonomyHarness(simulator, time, directory);
    }

    public Dictionary<string, string?> Configuration(bool dryRun, string? rulesPath = null, string? token = null, int maxWrites = 100_000) => new()
    {
        ["GitLab:BaseUrl"] = Simulator.BaseUrl,
        ["GitLab:Token"] = token ?? Simulator.BotToken,
        ["GitLab:NotesPerMinute"] = "1000000",
        ["GitLab:RequestsPerMinute"] = "1000000",
        ["GitLab:RetryBaseDelay"] = "00:00:00.010",
        ["GitLab:MaxRetries"] = "1",
        ["GitLab:Timeout"] = "00:00:05",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "store.db")}",
        ["DryRun"] = dryRun ? "true" : "false",
        ["MaxWritesPerRun"] = maxWrites.ToString(CultureInfo.InvariantCulture),
        ["Rules:Path"] = rulesPath ?? CliRunner.Repo("rules/handbook.yml"),
        ["Scopes:Groups:0"] = GroupPath,
        // These harnesses test per-issue writes and their convergence; the summary issue (one more write per sweep)
        // is tested with it on, by SummaryIssueEndToEndTests.
        ["Summary:Enabled"] = "false",
    };

    public async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?> configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error, Time) { ConfigurationOverrides = configuration };
        var exit = await app.RunAsync(args, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A rules file: the repository's handbook.yml with <paramref name="edit"/> applied to its text.</summary>
    public string RulesFile(Func<string, string> edit)
    {
        var path = Path.Combine(_directory, $"rules-{Guid.NewGuid():N}.yml");
        var original = File.ReadAllText(CliRunner.Repo("rules/handbook.yml"));
        var edited = edit(original);
        Assert.NotEqual(original, edited);
        File.WriteAllText(path, edited);
        return path;
    }

    public int NonGetRequests() => Simulator.RequestLog.Entries.Count(e => e.Method != "GET" && e.Path.StartsWith("/api/", StringComparison.Ordinal));

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        using var response = await Admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<JsonElement> CreateGroupMilestoneAsync(string title, string? dueDate = null) =>
        SendAsync(HttpMethod.Post, $"api/v4/groups/{GroupId}/milestones", dueDate is null
            ? new() { ["title"] = title }
            : new() { ["title"] = title, ["due_date"] = dueDate });

    public Task<JsonElement> CreateGroupLabelAsync(string name, string color, string? description = null) =>
        SendAsync(HttpMethod.Post, $"api/v4/groups/{GroupId}/labels", description is null
            ? new() { ["name"] = name, ["color"] = color }
            : new() { ["name"] = name, ["color"] = color, ["description"] = description });

    /// <summary>Creates an issue in the first handbook project, filed long enough ago to be past the grace period.</summary>
    public async Task<(long ProjectId, long Iid)> CreateIssueAsync(string labels, long? milestoneId)
    {
        var projectId = Simulator.Handbook!.Projects[0].Id;
        var maintainer = Simulator.State.UserId("maintainer-user")!.Value;
        var form = new Dictionary<string, string>
        {
            ["title"] = "Issue " + Guid.NewGuid().ToString("N")[..8],
            ["labels"] = labels,
            ["assignee_ids"] = maintainer.ToString(CultureInfo.InvariantCulture),
            ["created_at"] = Time.GetUtcNow().AddDays(-30).ToString("O", CultureInfo.InvariantCulture),
        };
        if (milestoneId is { } id)
        {
            form["milestone_id"] = id.ToString(CultureInfo.InvariantCulture);
        }

        var issue = await SendAsync(HttpMethod.Post, $"api/v4/projects/{projectId}/issues", form);
        return (projectId, issue.GetProperty("iid").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Simulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A store file still closing: the temp folder is cleaned by the OS.
        }
    }
}

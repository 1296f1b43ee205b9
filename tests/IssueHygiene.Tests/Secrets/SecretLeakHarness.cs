using System.Net.Http.Json;
using System.Text.Json;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Tests.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Tests.Secrets;

/// <summary>
/// A seeded simulator and the service graph of the executable (as <c>OnlineRuntime</c> builds it), with every log
/// line captured, for driving the secret-leak response (through the <see cref="IssueProcessor"/>) against a GitLab that behaves.
/// </summary>
internal sealed class SecretLeakHarness : IAsyncDisposable
{
    private readonly SweepHarness _sweep;
    private readonly ServiceProvider _services;

    private SecretLeakHarness(SweepHarness sweep, ServiceProvider services, CapturingLoggerProvider logs, string rulesPath)
    {
        _sweep = sweep;
        _services = services;
        Logs = logs;
        RulesPath = rulesPath;
    }

    public SimulatedGitLab Simulator => _sweep.Simulator;

    public SweepHarness Sweep => _sweep;

    public CapturingLoggerProvider Logs { get; }

    public string RulesPath { get; }

    public IServiceProvider Services => _services;

    /// <summary>The issue processor (hygiene and secret-leak response, one Actuator), driven with a given snapshot.</summary>
    public Responder Responder => new(_services);

    public IGitLabClient GitLab => _services.GetRequiredService<IGitLabClient>();

    public IHygieneStore Store => _services.GetRequiredService<IHygieneStore>();

    public long ProjectId => Simulator.Handbook!.Projects[0].Id;

    /// <summary>Starts with the handbook policy, <paramref name="secretLeak"/> replacing its secret-leak line.</summary>
    public static async Task<SecretLeakHarness> StartAsync(string secretLeak = "{ severity: error, action: fix }", bool dryRun = false, string fixMode = "quick-actions")
    {
        var sweep = await SweepHarness.StartAsync(issues: 0);
        var rules = File.ReadAllLines(Cli.CliRunner.Repo("rules/handbook.yml"))
            .Select(l => l.TrimStart().StartsWith("secret-leak:", StringComparison.Ordinal) ? "  secret-leak: " + secretLeak : l);
        var rulesPath = Path.Combine(Path.GetDirectoryName(sweep.StorePath)!, "rules.yml");
        await File.WriteAllLinesAsync(rulesPath, rules);

        var configuration = sweep.Configuration(dryRun);
        configuration["Rules:Path"] = rulesPath;
        configuration["FixMode"] = fixMode;
        var appConfiguration = AppConfiguration.Build(configuration);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddIssueHygiene(appConfiguration, AppConfiguration.BindOptions(appConfiguration), rulesPath)
            .BuildServiceProvider();
        await services.GetRequiredService<IHygieneStore>().InitializeAsync(CancellationToken.None);
        return new SecretLeakHarness(sweep, services, logs, rulesPath);
    }

    /// <summary>Creates an issue as <paramref name="author"/> (GitLab's <c>Sudo</c>) and returns its snapshot.</summary>
    public async Task<IssueSnapshot> CreateIssueAsync(string title, string? description, string author = SeededUsers.Reporter)
    {
        using var http = Simulator.CreateClient(Simulator.AdminToken, author);
        using var response = await http.PostAsJsonAsync(
            $"/api/v4/projects/{ProjectId}/issues",
            new Dictionary<string, string?> { ["title"] = title, ["description"] = description });
        response.EnsureSuccessStatusCode();
        return await SnapshotAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iid").GetInt64());
    }

    public async Task<IssueSnapshot> SnapshotAsync(long iid) =>
        GitLabIssueMapper.ToSnapshot(await GitLab.GetIssueAsync(IdOrPath.FromId(ProjectId), iid));

    /// <summary>Posts a comment as <paramref name="author"/> and returns it as the webhook worker would pass it.</summary>
    public async Task<NoteToScan> CommentAsync(long iid, string body, string author = SeededUsers.Developer)
    {
        using var http = Simulator.CreateClient(Simulator.AdminToken, author);
        using var response = await http.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/issues/{iid}/notes", new Dictionary<string, string> { ["body"] = body });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        return new NoteToScan(id, body, new UserRef(Simulator.State.UserId(author)!.Value, author));
    }

    public async Task<ActContext> ContextAsync(bool dryRun) =>
        new("test:secret-leak", dryRun, WriteBudget.Unlimited, (await GitLab.GetCurrentUserAsync()).Id);

    public int NonGetRequests() => _sweep.NonGetRequests();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sweep.DisposeAsync();
    }
}

/// <summary>Hands one issue snapshot (and the comments to scan) to the <see cref="IssueProcessor"/>, as a webhook or sweep would.</summary>
internal sealed class Responder(IServiceProvider services)
{
    public Task<ActOutcome> RespondAsync(IssueSnapshot issue, IReadOnlyList<NoteToScan> notes, ActContext context, CancellationToken cancellationToken) =>
        services.GetRequiredService<IssueProcessor>().ProcessAsync(
            new IssueRequest { ProjectId = issue.ProjectId, Iid = issue.Iid, Snapshot = new PlanBasis(issue, DateTimeOffset.UtcNow), NotesToScan = notes },
            new TrackerCatalogCache(services.GetRequiredService<IGitLabTaxonomy>()),
            context,
            cancellationToken);
}

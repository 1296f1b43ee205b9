using IssueHygiene.Cli;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;

namespace IssueHygiene.Tests.Sweep;

/// <summary>A seeded simulator and a store file, with the command line pointed at both.</summary>
internal sealed class SweepHarness : IAsyncDisposable
{
    private readonly string _directory;

    private SweepHarness(SimulatedGitLab simulator, string directory)
    {
        Simulator = simulator;
        _directory = directory;
    }

    public SimulatedGitLab Simulator { get; }

    public string GroupPath => Simulator.Handbook!.GroupPath;

    public string StorePath => Path.Combine(_directory, "store.db");

    /// <summary>The clock the simulator and the command line share (real time unless a test fakes it).</summary>
    public TimeProvider Time { get; private init; } = TimeProvider.System;

    public static async Task<SweepHarness> StartAsync(int issues, int seed = 7, SimulatorKnobsSettings? knobs = null, TimeProvider? time = null, TimeProvider? simulatorTime = null, bool mergeRequests = false)
    {
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions
        {
            SeedMergeRequests = mergeRequests,
            Issues = issues,
            Seed = seed,
            Knobs = knobs ?? new(),
            TimeProvider = simulatorTime ?? time ?? TimeProvider.System,
        });
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new SweepHarness(simulator, directory) { Time = time ?? TimeProvider.System };
    }

    public Dictionary<string, string?> Configuration(bool dryRun, int maxWrites = 100_000) => new()
    {
        ["GitLab:BaseUrl"] = Simulator.BaseUrl,
        ["GitLab:Token"] = Simulator.BotToken,
        ["GitLab:NotesPerMinute"] = "1000000",
        ["GitLab:RequestsPerMinute"] = "1000000",
        ["GitLab:RetryBaseDelay"] = "00:00:00.010",
        ["GitLab:Timeout"] = "00:00:02",
        ["Storage:ConnectionString"] = $"Data Source={StorePath}",
        ["DryRun"] = dryRun ? "true" : "false",
        ["MaxWritesPerRun"] = maxWrites.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Rules:Path"] = CliRunner.Repo("rules/handbook.yml"),
        ["Scopes:Groups:0"] = GroupPath,
        // These harnesses test per-issue writes and their convergence; the summary issue (one more write per sweep)
        // is tested with it on, by SummaryIssueEndToEndTests.
        ["Summary:Enabled"] = "false",
    };

    public Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?> configuration, params string[] args) =>
        RunAsync(configuration, CancellationToken.None, args);

    public async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?> configuration, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(output, error, Time) { ConfigurationOverrides = configuration };
        var exit = await app.RunAsync(args, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Lint notes per issue (by the bot, with the marker), keyed by (project, iid).</summary>
    public Dictionary<(long, long), int> LintNoteCounts() =>
        Simulator.State.Issues().ToDictionary(
            i => (i.ProjectId, i.Iid),
            i => Simulator.State.Notes(i.ProjectId, i.Iid).Count(n => !n.System && LintNote.IsLintNote(n.Body)));

    /// <summary>
    /// Requests that change the tracker. By default only those GitLab carried out (2xx): one the client gave up on
    /// mid-flight (status 0) changed nothing. <paramref name="attempted"/> counts every non-GET request that arrived.
    /// </summary>
    public int NonGetRequests(bool attempted = false) => Simulator.RequestLog.Entries.Count(e =>
        e.Method != "GET" && e.Path.StartsWith("/api/", StringComparison.Ordinal) && (attempted || e.Status is >= 200 and < 300));

    public async ValueTask DisposeAsync()
    {
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

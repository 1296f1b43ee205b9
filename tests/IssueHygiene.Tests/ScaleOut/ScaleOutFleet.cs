using System.Text.Json.Nodes;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Storage.Postgres;
using IssueHygiene.Sweeping;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Tests.Serve;
using Npgsql;

namespace IssueHygiene.Tests.ScaleOut;

/// <summary>
/// The simulator (in-process), a fresh PostgreSQL database and N <c>serve</c> replica processes configured alike
/// (through the contract environment names), plus a round-robin "load balancer" for deliveries and the checks every
/// scale-out scenario ends with.
/// </summary>
internal sealed class ScaleOutFleet : IAsyncDisposable
{
    private readonly Dictionary<ServeProcess, HttpClient> _clients = [];
    private int _next;

    private ScaleOutFleet(SimulatedGitLab simulator, FleetDatabase database, IHygieneStore store)
    {
        Simulator = simulator;
        Database = database;
        Store = store;
    }

    public SimulatedGitLab Simulator { get; }

    public FleetDatabase Database { get; }

    /// <summary>The fleet's shared store, opened by the test to observe it.</summary>
    public IHygieneStore Store { get; }

    public List<ServeProcess> Replicas { get; } = [];

    public string ScopeKey => "group:" + Simulator.Handbook!.GroupPath;

    /// <param name="issues">Seeded issues in the simulator.</param>
    /// <param name="replicas">How many <c>serve</c> processes share the store.</param>
    /// <param name="simulatorLatency">The simulator's latency per request.</param>
    /// <param name="sweepLeaseTtl">The sweep lease's life (default 3 s, so a killed sweeper is replaced in seconds). A
    /// test that kills no sweeper gives a longer one: on a loaded CI machine a 3 s lease can lapse between renewals,
    /// and the run it guarded is then left for the next scheduled time.</param>
    public static async Task<ScaleOutFleet> StartAsync(int issues, int replicas, TimeSpan simulatorLatency, TimeSpan? sweepLeaseTtl = null)
    {
        var database = await FleetDatabase.CreateAsync();
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions
        {
            Issues = issues,
            Seed = 7,
            Knobs = new SimulatorKnobsSettings { Latency = simulatorLatency },
        });
        var environment = new Dictionary<string, string>
        {
            ["IssueHygiene__GitLab__BaseUrl"] = simulator.BaseUrl,
            ["IssueHygiene__GitLab__Token"] = simulator.BotToken,
            ["IssueHygiene__GitLab__NotesPerMinute"] = "1000000",
            ["IssueHygiene__GitLab__RequestsPerMinute"] = "1000000",
            ["IssueHygiene__GitLab__ReplicaCount"] = replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IssueHygiene__Webhook__Secrets__0"] = ServeHarness.Secret,
            ["IssueHygiene__Storage__Provider"] = "postgres",
            ["IssueHygiene__Storage__ConnectionString"] = database.ConnectionString,
            ["IssueHygiene__DryRun"] = "false",
            ["IssueHygiene__MaxWritesPerRun"] = "100000",
            ["IssueHygiene__Rules__Path"] = CliRunner.Repo("rules/handbook.yml"),
            ["IssueHygiene__Scopes__Groups__0"] = simulator.Handbook!.GroupPath,
            // The nightly sweep starts at once on every replica (a fresh database has missed it); the lease lets one run it.
            ["IssueHygiene__Schedule__Cron"] = "0 3 * * *",
            ["IssueHygiene__Schedule__RunMissed"] = "true",
            ["IssueHygiene__Schedule__LeaseTtl"] = (sweepLeaseTtl ?? TimeSpan.FromSeconds(3)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["IssueHygiene__Worker__VisibilityTimeout"] = "00:00:05",
            ["IssueHygiene__Worker__Debounce"] = "00:00:00.020",
        };
        var store = new PostgresHygieneStore(database.ConnectionString, TimeProvider.System);
        await store.InitializeAsync();
        var fleet = new ScaleOutFleet(simulator, database, store);
        var started = await Task.WhenAll(Enumerable.Range(0, replicas).Select(_ => ServeProcess.StartAsync(ServeProcess.FreePort(), environment)));
        fleet.Replicas.AddRange(started);
        foreach (var replica in started)
        {
            fleet._clients[replica] = new HttpClient { BaseAddress = new Uri(replica.Url), Timeout = TimeSpan.FromSeconds(5) };
        }
        return fleet;
    }

    /// <summary>
    /// Sends one delivery as a load balancer would: to the next replica in turn, and on to the next one when a replica
    /// does not answer (it died). The same <c>Idempotency-Key</c> travels with every attempt, as with a GitLab resend.
    /// Returns the acknowledged delivery id.
    /// </summary>
    public async Task<long> DeliverAsync(string body, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var replica = Replicas[(int)((uint)Interlocked.Increment(ref _next) % (uint)Replicas.Count)];
            if (replica.HasExited)
            {
                // The balancer's health check has taken it out of rotation.
                continue;
            }

            try
            {
                using var response = await WebhookDeliveryClient.PostAsync(_clients[replica], body, idempotencyKey: key);
                if (response.IsSuccessStatusCode)
                {
                    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
                    return json["delivery"]!.GetValue<long>();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // That replica is gone or overloaded: the balancer tries the next one.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException("no replica accepted the delivery");
    }

    /// <summary>Waits until the shared queue is empty and the scope's sweep has finished successfully.</summary>
    public async Task WaitForQuiescenceAsync(TimeSpan timeout)
    {
        var quiet = await Eventually.HoldsAsync(
            async () => (await Store.Deliveries.GetCountsAsync()).Depth == 0
                && await Store.Sweeps.GetLastSuccessfulStartAsync(ScopeKey) is not null
                && await Store.Sweeps.GetResumableAsync(ScopeKey) is null,
            timeout,
            TimeSpan.FromMilliseconds(250));
        if (quiet)
        {
            return;
        }

        var last = await Store.Deliveries.GetCountsAsync();
        var run = await Store.Sweeps.GetResumableAsync(ScopeKey);
        var lease = await Store.Leases.GetAsync(Sweeping.LeasedSweep.LeaseName);
        var logs = string.Join("\n", Replicas.Select((r, i) => $"--- replica {i} (exited: {r.HasExited})\n" + string.Join("\n", r.RecentLog)));
        throw new TimeoutException(
            $"fleet not quiet after {timeout}: queue depth {last.Depth}, dead {last.Dead}, resumable sweep {run?.Status} "
            + $"(updated {run?.UpdatedAt:O}, progress {run?.Progress}, error {run?.Error}), sweep lease {lease?.Holder} until {lease?.ExpiresAt:O}, now {DateTimeOffset.UtcNow:O}\n{logs}");
    }

    /// <summary>
    /// The end state every scenario must reach: no issue carries more than one lint note; every issue the fleet
    /// created a note for carries exactly one; the shared audit log shows each issue's note created and its fix
    /// applied at most once, no failed write; the sweep saw every open issue.
    /// </summary>
    public async Task AssertNothingDoubledAsync()
    {
        var audit = await Store.Audit.QueryAsync(new AuditQuery { Limit = 1_000_000 });
        Assert.All(audit, r => Assert.Equal(AuditOutcome.Ok, r.Entry.Outcome));
        var writes = audit.Select(r => r.Entry).Where(e => !e.DryRun).ToList();
        Assert.NotEmpty(writes);
        foreach (var perIssue in writes.GroupBy(e => (e.ProjectId, e.IssueIid)))
        {
            Assert.True(perIssue.Count(e => e.Kind == WriteKind.NoteCreate) <= 1, $"issue {perIssue.Key} got its lint note created twice");
            Assert.True(perIssue.Count(e => e.Kind is WriteKind.QuickActions or WriteKind.RestUpdate) <= 1, $"issue {perIssue.Key} got its fix applied twice");
        }

        var noted = writes.Where(e => e.Kind == WriteKind.NoteCreate).Select(e => (e.ProjectId, e.IssueIid)).ToHashSet();
        var issues = Simulator.State.Issues();
        foreach (var issue in issues)
        {
            var lintNotes = Simulator.State.Notes(issue.ProjectId, issue.Iid).Count(n => LintNote.IsLintNote(n.Body));
            Assert.True(lintNotes <= 1, $"issue {issue.ProjectId}#{issue.Iid} carries {lintNotes} lint notes");
            if (noted.Contains((issue.ProjectId, issue.Iid)))
            {
                Assert.Equal(1, lintNotes);
            }
        }

        var open = issues.Count(i => i.State == "opened");
        Assert.Null(await Store.Sweeps.GetResumableAsync(ScopeKey));
        Assert.Equal(0, (await Store.Deliveries.GetCountsAsync()).Dead);
        Assert.True(noted.Count > open / 10, $"only {noted.Count} of {open} open issues got a lint note: the seeded tracker should offend more");
    }

    /// <summary>
    /// A dry-run report over the whole scope, from the shared store, plans no write: every offending issue carries
    /// exactly one up-to-date lint note and has its fixes (a missing, duplicate or stale note, or an unapplied fix,
    /// would be a planned write). This also covers a replica killed between GitLab's answer and its audit entry.
    /// </summary>
    public async Task AssertConvergedAsync()
    {
        var reportPath = Path.Combine(Path.GetTempPath(), "issue-hygiene-fleet-" + Guid.NewGuid().ToString("N") + ".json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new IssueHygiene.Cli.CliApp(output, error, TimeProvider.System)
        {
            ConfigurationOverrides = new Dictionary<string, string?>
            {
                ["GitLab:BaseUrl"] = Simulator.BaseUrl,
                ["GitLab:Token"] = Simulator.BotToken,
                ["GitLab:NotesPerMinute"] = "1000000",
                ["GitLab:RequestsPerMinute"] = "1000000",
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = Database.ConnectionString,
                ["Rules:Path"] = CliRunner.Repo("rules/handbook.yml"),
                ["Scopes:Groups:0"] = Simulator.Handbook!.GroupPath,
            },
        };
        try
        {
            var exit = await app.RunAsync(["report", "--report", reportPath, "--format", "json"], CancellationToken.None);
            Assert.True(exit is 0 or 1, $"report failed ({exit}): {error}");
            var totals = JsonNode.Parse(await File.ReadAllTextAsync(reportPath))!["totals"]!;
            Assert.True(totals["issues"]!.GetValue<int>() >= Simulator.State.Issues().Count(i => i.State == "opened"), "the report did not see every open issue");
            Assert.Equal(0, totals["writes"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    /// <summary>How many sweep runs the scope has had: one, when exactly one replica swept (or resumed the one run).</summary>
    public async Task<long> SweepRunCountAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM sweep_runs WHERE scope_key = @scope", connection);
        command.Parameters.AddWithValue("scope", ScopeKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The replica holding the sweep lease (its holder names the process id).</summary>
    public async Task<ServeProcess?> SweepingReplicaAsync()
    {
        if (await Store.Leases.GetAsync(LeasedSweep.LeaseName) is not { } lease)
        {
            return null;
        }

        return Replicas.FirstOrDefault(r => !r.HasExited && lease.Holder.Contains($":{r.ProcessId}:", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            replica.Dispose();
            _clients[replica].Dispose();
        }

        await Store.DisposeAsync();
        await Simulator.DisposeAsync();
        await Database.DisposeAsync();
    }
}

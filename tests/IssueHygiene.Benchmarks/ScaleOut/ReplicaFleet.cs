using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Postgres;
using Npgsql;

namespace IssueHygiene.Benchmarks.ScaleOut;

/// <summary>
/// N <c>serve</c> processes on one fresh PostgreSQL database, against an in-process simulator with latency; the
/// benchmark's driver posts deliveries round-robin over them, as a load balancer would.
/// </summary>
internal sealed class ReplicaFleet : IAsyncDisposable
{
    public const string Secret = "scale-out-benchmark-secret";

    private readonly string _server;
    private readonly string _database;
    private readonly List<Process> _processes = [];
    private readonly List<HttpClient> _clients = [];
    private int _next;

    private ReplicaFleet(SimulatedGitLab simulator, string server, string database, IHygieneStore store)
    {
        Simulator = simulator;
        _server = server;
        _database = database;
        Store = store;
    }

    public SimulatedGitLab Simulator { get; }

    public IHygieneStore Store { get; }

    public static async Task<ReplicaFleet> StartAsync(int replicas, int issues, TimeSpan latency)
    {
        var server = Environment.GetEnvironmentVariable("ISSUEHYGIENE_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ISSUEHYGIENE_TEST_POSTGRES is not set: info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES=\"${info%%|*}\"");
        var database = "ih_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var simulator = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = issues, Seed = 11, Knobs = new SimulatorKnobsSettings { Latency = latency } });
        var store = new PostgresHygieneStore(connectionString, TimeProvider.System);
        await store.InitializeAsync();
        var fleet = new ReplicaFleet(simulator, server, database, store);
        var environment = new Dictionary<string, string>
        {
            ["IssueHygiene__GitLab__BaseUrl"] = simulator.BaseUrl,
            ["IssueHygiene__GitLab__Token"] = simulator.BotToken,
            ["IssueHygiene__GitLab__NotesPerMinute"] = "1000000",
            ["IssueHygiene__GitLab__RequestsPerMinute"] = "1000000",
            ["IssueHygiene__Webhook__Secrets__0"] = Secret,
            ["IssueHygiene__Storage__Provider"] = "postgres",
            ["IssueHygiene__Storage__ConnectionString"] = connectionString,
            ["IssueHygiene__DryRun"] = "false",
            ["IssueHygiene__Rules__Path"] = Path.Combine(RepositoryPaths.Root, "rules", "handbook.yml"),
            ["IssueHygiene__Scopes__Groups__0"] = simulator.Handbook!.GroupPath,
            ["IssueHygiene__Schedule__Cron"] = "",
            ["IssueHygiene__Worker__Debounce"] = "00:00:00.020",
        };
        for (var i = 0; i < replicas; i++)
        {
            var port = FreePort();
            fleet._processes.Add(Start(port, environment));
            fleet._clients.Add(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        }

        foreach (var client in fleet._clients)
        {
            await WaitHealthyAsync(client);
        }

        return fleet;
    }

    /// <summary>Posts one Issue Hook delivery to the next replica in turn.</summary>
    public async Task DeliverAsync(IssueView issue, string projectPath, int n)
    {
        var body = new JsonObject
        {
            ["object_kind"] = "issue",
            ["event_type"] = "issue",
            ["user"] = new JsonObject { ["id"] = 1, ["username"] = "root", ["name"] = "Administrator" },
            ["project"] = new JsonObject { ["id"] = issue.ProjectId, ["path_with_namespace"] = projectPath },
            ["object_attributes"] = new JsonObject
            {
                ["id"] = issue.Id,
                ["iid"] = issue.Iid,
                ["project_id"] = issue.ProjectId,
                ["title"] = $"edit {n}",
                ["state"] = issue.State,
                ["action"] = "update",
            },
        }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gitlab") { Content = content };
        request.Headers.Add("X-Gitlab-Event", "Issue Hook");
        request.Headers.Add("X-Gitlab-Token", Secret);
        request.Headers.Add("X-Gitlab-Event-UUID", Guid.NewGuid().ToString());
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var client = _clients[(int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Count)];
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Store.DisposeAsync();
        await Simulator.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static Process Start(int port, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "IssueHygiene", "bin", "Release", "net10.0", "issue-hygiene.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: dotnet build src/IssueHygiene -c Release first");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "serve", "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("a serve replica did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

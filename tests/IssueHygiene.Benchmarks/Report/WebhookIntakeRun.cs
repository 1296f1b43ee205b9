using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IssueHygiene.Benchmarks.Sweep;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IssueHygiene.Benchmarks.Report;

/// <summary>
/// Durable webhook acknowledgements: <c>wrk</c> (64 connections, 2 threads) POSTs GitLab-shaped Issue Hooks, each
/// with its own <c>Idempotency-Key</c>, at an <c>issue-hygiene serve</c> process (SQLite or PostgreSQL, durability
/// Full) while its lint worker drains the queue against a simulator process. Afterwards the serve process is
/// killed (SIGKILL, no graceful shutdown) and the stored rows are counted: every acknowledged delivery must be there.
/// </summary>
internal sealed record WebhookIntakeRun(string Store, int Connections, double Seconds, long Acknowledged, long Failed, double P50Ms, double P99Ms, long Rows)
{
    /// <summary>Deliveries the lint worker finished during the run (status done), proof that it drained while wrk loaded the intake.</summary>
    public long Processed { get; init; }

    /// <summary>Deliveries the worker gave up on (status dead): 0 unless something is broken.</summary>
    public long DeadLettered { get; init; }

    private const string Secret = "benchmark-secret-0123456789abcdef";

    public double PerSecond => Acknowledged / Seconds;

    public bool NothingLost => Rows >= Acknowledged;

    /// <summary>The one-minute load average when the run ended.</summary>
    public string LoadAverage { get; init; } = MachineLoad.Now();

    public static async Task<WebhookIntakeRun> RunAsync(string root, string executable, string store, string? postgres, int connections, int seconds)
    {
        var simPort = 20000 + Random.Shared.Next(20000);
        using var simulator = SweepBenchmark.StartSimulator(root, simPort, 300, 0);
        var directory = Path.Combine(Path.GetTempPath(), "issue-hygiene-intake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var run = Guid.NewGuid().ToString("N")[..8];
        string connectionString;
        if (store == "postgres")
        {
            connectionString = await CreateDatabaseAsync(postgres ?? throw new InvalidOperationException("PostgreSQL needs ISSUEHYGIENE_TEST_POSTGRES"), "bench_" + run);
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(directory, "store.db")}";
        }

        var port = 40000 + Random.Shared.Next(20000);
        Process? serve = null;
        try
        {
            var script = Path.Combine(directory, "issue-hook.lua");
            await File.WriteAllTextAsync(script, await LuaScriptAsync(simPort, run));
            var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            foreach (var (name, value) in new Dictionary<string, string>
            {
                ["IssueHygiene__GitLab__BaseUrl"] = $"http://127.0.0.1:{simPort}",
                ["IssueHygiene__GitLab__Token"] = "bot-token",
                ["IssueHygiene__GitLab__NotesPerMinute"] = "1000000",
                ["IssueHygiene__GitLab__RequestsPerMinute"] = "1000000",
                ["IssueHygiene__Storage__Provider"] = store,
                ["IssueHygiene__Storage__ConnectionString"] = connectionString,
                ["IssueHygiene__Storage__Durability"] = "Full",
                ["IssueHygiene__DryRun"] = "false",
                ["IssueHygiene__Rules__Path"] = Path.Combine(root, "rules", "handbook.yml"),
                ["IssueHygiene__Scopes__Groups__0"] = "handbook-org",
                ["IssueHygiene__Webhook__Secrets__0"] = Secret,
                ["IssueHygiene__Serilog__MinimumLevel__Default"] = "Warning",
            })
            {
                start.Environment[name] = value;
            }

            serve = Process.Start(start)!;
            _ = serve.StandardOutput.ReadToEndAsync();
            var serveErrors = serve.StandardError.ReadToEndAsync();
            try
            {
                await WaitReadyAsync(port, serve);
            }
            catch (InvalidOperationException e) when (serve.HasExited)
            {
                throw new InvalidOperationException($"{e.Message}: {(await serveErrors).Split('\n')[0]}", e);
            }

            var wrk = new ProcessStartInfo("wrk") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "-s", script, $"http://127.0.0.1:{port}/webhooks/gitlab" })
            {
                wrk.ArgumentList.Add(argument);
            }

            using var load = Process.Start(wrk) ?? throw new InvalidOperationException("wrk is missing: apt-get install wrk");
            var output = await load.StandardOutput.ReadToEndAsync();
            await load.WaitForExitAsync();
            var summary = JsonNode.Parse(output.Split('\n').Last(l => l.StartsWith("{\"requests\"", StringComparison.Ordinal)))!;

            // Acknowledged means answered 202: kill the server without a shutdown, then count what is stored.
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            var statuses = await CountRowsAsync(connectionString, store, run);
            var rows = statuses.Values.Sum();
            var requests = summary["requests"]!.GetValue<long>();
            var failed = summary["non202"]!.GetValue<long>() + summary["socket_errors"]!.GetValue<long>();
            var result = new WebhookIntakeRun(store, connections, summary["seconds"]!.GetValue<double>(), requests - summary["non202"]!.GetValue<long>(), failed,
                summary["p50_us"]!.GetValue<double>() / 1000.0, summary["p99_us"]!.GetValue<double>() / 1000.0, rows)
            {
                Processed = statuses.GetValueOrDefault("done"),
                DeadLettered = statuses.GetValueOrDefault("dead"),
            };
            Console.WriteLine(result.Describe());
            return result;
        }
        finally
        {
            if (serve is { HasExited: false })
            {
                serve.Kill(entireProcessTree: true);
            }

            serve?.Dispose();
            simulator.Kill(entireProcessTree: true);
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"webhook intake {Store}, {Connections} connections: {PerSecond:F0} acks/s over {Seconds:F0} s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, "
        + $"{Acknowledged:N0} acknowledged, {Failed:N0} failed, {Rows:N0} rows stored ({(NothingLost ? "none lost" : "LOST DELIVERIES")}), "
        + $"{Processed:N0} processed by the worker meanwhile, {DeadLettered:N0} dead-lettered; load average {LoadAverage}");

    private static async Task WaitReadyAsync(int port, Process serve)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (serve.HasExited)
            {
                throw new InvalidOperationException($"serve exited {serve.ExitCode} during start-up");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("serve did not become ready in 90 s");
    }

    /// <summary>A Lua script for wrk: Issue Hooks about the simulator's seeded issues, a unique key per request.</summary>
    private static async Task<string> LuaScriptAsync(int simPort, string run)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simPort}") };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", "bot-token");
        using var projects = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v4/groups/handbook-org/projects?include_subgroups=true&per_page=100", UriKind.Relative)));
        var paths = projects.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("path_with_namespace").GetString()!);
        using var issues = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v4/groups/handbook-org/issues?state=opened&per_page=100", UriKind.Relative)));
        var lua = new StringBuilder();
        lua.Append("local issues = {\n");
        foreach (var issue in issues.RootElement.EnumerateArray())
        {
            var project = issue.GetProperty("project_id").GetInt64();
            var body = IssueHookBody(project, paths[project], issue.GetProperty("id").GetInt64(), issue.GetProperty("iid").GetInt64());
            // A long bracket: Lua 5.1 (wrk's LuaJIT) has no \u escapes, and the body holds no "]==]".
            lua.Append("  [==[").Append(body).Append("]==],\n");
        }

        lua.Append("}\n");
        lua.Append(CultureInfo.InvariantCulture, $$"""
            local run = "{{run}}"
            local threads = {}
            local counter = 0
            -- thread_id and non202 are globals of each thread's Lua state (set and read by the main state).
            function setup(thread)
              thread:set("thread_id", #threads + 1)
              table.insert(threads, thread)
            end
            function request()
              counter = counter + 1
              local headers = {}
              headers["Content-Type"] = "application/json"
              headers["X-Gitlab-Event"] = "Issue Hook"
              headers["X-Gitlab-Token"] = "{{Secret}}"
              headers["Idempotency-Key"] = "wrk-" .. run .. "-" .. thread_id .. "-" .. counter
              return wrk.format("POST", nil, headers, issues[(counter % #issues) + 1])
            end
            function response(status, headers, body)
              if status ~= 202 then non202 = (non202 or 0) + 1 end
            end
            function done(summary, latency, requests)
              local non = 0
              for _, t in ipairs(threads) do non = non + (t:get("non202") or 0) end
              local e = summary.errors
              io.write(string.format('{"requests":%d,"seconds":%.3f,"non202":%d,"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
                summary.requests, summary.duration / 1e6, non, e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
            end

            """);
        return lua.ToString();
    }

    private static string IssueHookBody(long projectId, string path, long id, long iid)
    {
        var description = new string('d', 2048);
        return new JsonObject
        {
            ["object_kind"] = "issue",
            ["event_type"] = "issue",
            ["user"] = new JsonObject { ["id"] = 1, ["name"] = "Administrator", ["username"] = "root" },
            ["project"] = new JsonObject { ["id"] = projectId, ["name"] = path.Split('/')[^1], ["path_with_namespace"] = path, ["web_url"] = "http://example.com/" + path },
            ["object_attributes"] = new JsonObject
            {
                ["id"] = id,
                ["iid"] = iid,
                ["project_id"] = projectId,
                ["title"] = "edited title",
                ["description"] = description,
                ["state"] = "opened",
                ["action"] = "update",
                ["created_at"] = "2026-11-23 06:00:00 UTC",
                ["updated_at"] = "2026-11-23 09:00:00 UTC",
                ["url"] = $"http://example.com/{path}/-/issues/{iid}",
            },
            ["labels"] = new JsonArray(new JsonObject { ["id"] = 206, ["title"] = "Bug", ["color"] = "#D9534F", ["type"] = "GroupLabel" }),
            ["changes"] = new JsonObject
            {
                ["description"] = new JsonObject { ["previous"] = description + "x", ["current"] = description },
            },
        }.ToJsonString();
    }

    private static async Task<string> CreateDatabaseAsync(string connectionString, string database)
    {
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
    }

    /// <summary>This run's stored deliveries by status (pending, claimed, done, dead).</summary>
    private static async Task<Dictionary<string, long>> CountRowsAsync(string connectionString, string store, string run)
    {
        await using DbConnection connection = store == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM deliveries WHERE idempotency_key LIKE @prefix GROUP BY status";
        var prefix = command.CreateParameter();
        prefix.ParameterName = "@prefix";
        prefix.Value = $"wrk-{run}-%";
        command.Parameters.Add(prefix);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Tests.Secrets;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// What a Guest, a payload signed with the webhook secret, or anyone on the network can make <c>serve</c> say, spend
/// or keep (docs/security.md). Each test reproduces one hole of issue 16 against the simulator.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileInputTests
{
    private const string Bot = "@issue-hygiene-bot";

    [Fact]
    public async Task Note_WithCredential_NoBodyKeptInTheStoreFiles()
    {
        // Hole 3: deliveries.payload kept every body (and the credential in it) forever.
        var secrets = new TestSecrets(1602);
        var token = secrets.GitLabToken();
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Runner broken", labels: "Extract");
        await harness.CommentAsync(iid, "try my token " + token + " and see", SeededUsers.Reporter);
        await harness.WaitForQuietAsync();

        // The scenario ran: the guard answered the leak (the issue is now confidential).
        Assert.True(harness.Simulator.State.Issue(harness.ProjectId, iid)!.Confidential);
        var files = Directory.GetFiles(Path.GetDirectoryName(harness.StorePath)!, "store.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);
            Assert.DoesNotContain(token["glpat-".Length..], text, StringComparison.Ordinal);
            // The comment's words are not kept either. (The issue's title may be: the dashboard's current findings keep
            // the titles of non-confidential issues, credential shapes masked — GitLab state, not a delivery body.)
            Assert.DoesNotContain("try my token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("and see", text, StringComparison.Ordinal);
            Assert.DoesNotContain("object_attributes", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeliveryPurge_RunsInServe_OldProcessedDeliveriesDeleted()
    {
        // Hole 3: nothing called the purge, so the table grew without bound.
        await using var harness = await ServeHarness.StartAsync(configure: c =>
        {
            c["Worker:DeliveryRetention"] = "01:00:00";
            c["Worker:DeliveryPurgeInterval"] = "00:00:00.200";
        });
        var old = await harness.Store.Deliveries.EnqueueAsync(new NewDelivery
        {
            IdempotencyKey = "old-" + Guid.NewGuid().ToString("N"),
            EventName = "Issue Hook",
            ProjectId = harness.ProjectId,
            IssueIid = 999_999,
            ReceivedAt = DateTimeOffset.UtcNow.AddDays(-2),
            Payload = "{\"digest\":1,\"kind\":\"issue\"}",
        });

        await Eventually.AssertAsync(async () => await harness.Store.Deliveries.GetAsync(old.DeliveryId) is null, TimeSpan.FromSeconds(20), "the old delivery was processed and purged");
    }

    [Fact]
    public async Task Payload_InScopePathOutOfScopeId_NothingWrittenOnThatProject()
    {
        // Hole 4: the scope filter read path_with_namespace, the worker acted on project.id.
        await using var harness = await ServeHarness.StartAsync(registerHook: false, configure: c =>
        {
            c.Remove("Scopes:Groups:0");
            c["Scopes:Projects:0"] = "handbook-org/meltano";
        });
        var infra = harness.Simulator.Handbook!.Projects.Single(p => p.PathWithNamespace.EndsWith("/infra", StringComparison.Ordinal)).Id;
        var iid = await harness.CreateIssueAsync("Out of scope", projectId: infra);
        var payload = IssueHook(infra, iid, "handbook-org/meltano");

        using var response = await WebhookDeliveryClient.PostAsync(harness.Http, payload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await harness.WaitForQuietAsync();
        // The worker logs its decision as it finishes the delivery: on a busy machine the line may follow the empty queue.
        await Eventually.AssertAsync(
            () => harness.Logs.AllText.Contains("outside the configured scopes (as GitLab names it)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the worker logs the project as out of scope");

        Assert.Empty(harness.LintNotes(iid, infra));
    }

    [Fact]
    public async Task NoteHook_ForgedAuthor_WaiverCheckedAgainstTheNoteInGitLab()
    {
        // Hole 9: the waiver was credited to the payload's username and its author id was trusted.
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        var iid = await harness.CreateIssueAsync("Waive me", labels: "Extract");
        var noteId = await NoteIdAsync(harness, iid, $"{Bot} waive type-label because", SeededUsers.Guest);
        var developer = await UserIdAsync(harness, SeededUsers.Developer);
        var forged = NoteHook(harness.ProjectId, iid, noteId, developer, SeededUsers.Developer, $"{Bot} waive type-label because");

        using var response = await WebhookDeliveryClient.PostAsync(harness.Http, forged, "Note Hook");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await harness.WaitForQuietAsync();

        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains($"Waiver of `type-label` by `{SeededUsers.Guest}` refused", note, StringComparison.Ordinal);
        Assert.Empty(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, iid, DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    [Fact]
    public async Task Comment_StartingWithTheBotsMarker_StillScannedForCredentials()
    {
        // Hole 7: a user's comment starting with the lint marker was skipped, secret scan included.
        var secrets = new TestSecrets(77);
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Marker", labels: "Extract");
        await harness.WaitForQuietAsync();

        await harness.CommentAsync(iid, "<!-- issue-hygiene:lint -->\nkey " + secrets.AwsAccessKeyId(), SeededUsers.Reporter);
        await harness.WaitForQuietAsync();

        Assert.True(harness.Simulator.State.Issue(harness.ProjectId, iid)!.Confidential);
    }

    [Fact]
    public async Task Comment_HundredsOfCommands_BoundedLookupsAndTheAnswerFitsGitLabsLimit()
    {
        // Hole 2: 400 waive lines cost 400 membership look-ups; 8,000 lines pushed the answer past 1,000,000 characters.
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Amplify", labels: "Extract");
        await harness.WaitForQuietAsync();
        var before = MembershipLookups(harness);

        await harness.CommentAsync(iid, string.Join('\n', Enumerable.Repeat($"{Bot} waive type-label", 400)), SeededUsers.Guest);
        await harness.WaitForQuietAsync();

        Assert.True(MembershipLookups(harness) - before <= 1, $"{MembershipLookups(harness) - before} membership look-ups");
        Assert.Contains($"390 more commands from `{SeededUsers.Guest}` in one comment were not run", Assert.Single(harness.LintNotes(iid)).Body, StringComparison.Ordinal);

        await harness.CommentAsync(iid, string.Join('\n', Enumerable.Range(0, 8_000).Select(i => $"{Bot} x{i} {new string('y', 40)}")), SeededUsers.Guest);
        await harness.WaitForQuietAsync(TimeSpan.FromSeconds(40));

        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.True(note.Length < 1_000_000, $"{note.Length} characters");
        Assert.Contains($"7990 more commands from `{SeededUsers.Guest}`", note, StringComparison.Ordinal);
        Assert.Equal(0, (await harness.Store.Deliveries.GetCountsAsync()).Dead);
    }

    [Fact]
    public async Task Webhook_RandomAndMutatedBodies_NeverAnswer5xx()
    {
        // Hole 5: "project": null gave a 500 (GitLab disables a hook after four in a row); project.id 0 was accepted.
        await using var harness = await ServeHarness.StartAsync(registerHook: false, configure: c =>
        {
            // The worker stays out of the way: every delivery waits out a long debounce.
            c["Worker:Debounce"] = "00:10:00";
            c["Worker:MaxDebounce"] = "00:10:00";
        });
        var random = new Random(16);
        var seeds = new[]
        {
            (Event: "Issue Hook", Body: IssueHook(harness.ProjectId, 1, "handbook-org/meltano")),
            (Event: "Note Hook", Body: NoteHook(harness.ProjectId, 1, 5, 1, "root", "@issue-hygiene-bot lint")),
            (Event: "Milestone Hook", Body: """{"object_kind":"milestone","project":{"id":1},"object_attributes":{"id":3,"title":"m"}}"""),
        };
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            var body = random.Next(10) == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(Mutate(seed.Body, random));
            var gitLabEvent = random.Next(20) == 0 ? seeds[random.Next(seeds.Length)].Event : seed.Event;
            // Keys repeat, so most accepted bodies are duplicates (the store is not what this test measures).
            using var response = await WebhookDeliveryClient.PostBytesAsync(harness.Http, body, gitLabEvent, idempotencyKey: "fuzz-" + random.Next(200));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && failures.Count < 5)
            {
                failures.Add($"{status} for {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
            }
            else if (status == 400)
            {
                Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(statuses.GetValueOrDefault(400) > 1_000, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(202) + statuses.GetValueOrDefault(200) > 1_000, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }

    [Theory]
    [InlineData("""{"object_kind":"issue","project":null,"object_attributes":{"id":1,"iid":1}}""", "Issue Hook")]
    [InlineData("""{"object_kind":"issue","project":{"id":1},"object_attributes":null}""", "Issue Hook")]
    [InlineData("""{"object_kind":"issue","project":{"id":0},"object_attributes":{"id":1,"iid":1}}""", "Issue Hook")]
    [InlineData("""{"object_kind":"note","project":null,"object_attributes":{"id":1,"noteable_type":"Issue"},"issue":{"id":1,"iid":1}}""", "Note Hook")]
    [InlineData("""{"object_kind":"note","project":{"id":1},"object_attributes":null,"issue":{"id":1,"iid":1}}""", "Note Hook")]
    [InlineData("""{"object_kind":"note","project":{"id":1},"object_attributes":{"id":0,"noteable_type":"Issue"},"issue":{"id":1,"iid":1}}""", "Note Hook")]
    public async Task Webhook_NullOrZeroIds_400WithAReason(string body, string gitLabEvent)
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);

        using var response = await WebhookDeliveryClient.PostAsync(harness.Http, body, gitLabEvent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await harness.Store.Deliveries.GetCountsAsync()).Depth);
    }

    [Fact]
    public async Task OperationsEndpoints_WithManagementToken_401WithoutIt()
    {
        // Hole 10: /status and /metrics answered anyone on the webhook port.
        const string Token = "ops-token-0123456789abcdef";
        await using var harness = await ServeHarness.StartAsync(registerHook: false, configure: c => c["Management:Token"] = Token);

        foreach (var path in new[] { "/metrics", "/status" })
        {
            using var anonymous = await harness.Http.GetAsync(path);
            using var wrong = await SendAsync(harness.Http, path, "Bearer not-the-token");
            using var authorised = await SendAsync(harness.Http, path, "Bearer " + Token);
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (anonymous.StatusCode, wrong.StatusCode, authorised.StatusCode));
        }

        using var health = await harness.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task OperationsEndpoints_OnTheManagementPort_NotOnTheWebhookPort()
    {
        var port = FreePort();
        await using var harness = await ServeHarness.StartAsync(registerHook: false, configure: c => c["Management:Urls"] = $"http://127.0.0.1:{port}");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var onWebhookPort = await harness.Http.GetAsync("/status");
        using var onManagementPort = await management.GetAsync("/status");
        using var metrics = await management.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, onWebhookPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagementPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task Webhook_FloodOfBadTokens_LoggedAFewTimesAMinute()
    {
        // Hole 10: every 401 wrote a warning line.
        await using var harness = await ServeHarness.StartAsync(registerHook: false);

        for (var i = 0; i < 100; i++)
        {
            using var response = await WebhookDeliveryClient.PostAsync(harness.Http, "{}", token: "wrong-token-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var refusals = harness.Logs.Events.Count(e => e.MessageTemplate.Text.StartsWith("Webhook refused", StringComparison.Ordinal));
        Assert.InRange(refusals, 1, 10);
    }

    [Fact]
    public async Task Serve_PortAlreadyTaken_NoDeliveryClaimedAndNoGitLabCall()
    {
        // Hole 10: the lint worker ran before the HTTP port was bound.
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var simulator = await IssueHygiene.GitLabSimulator.SimulatedGitLab.StartAsync(new IssueHygiene.GitLabSimulator.SimulatorOptions { Seed = 11 });
        var directory = Directory.CreateTempSubdirectory("issue-hygiene-port-").FullName;
        var configuration = ServeHarness.BaseConfiguration(simulator, Path.Combine(directory, "store.db"));
        configuration["Worker:Debounce"] = "00:00:00";
        await using var host = IssueHygiene.Serving.ServeHost.Build(new IssueHygiene.Serving.ServeSettings
        {
            ConfigurationOverrides = configuration,
            Urls = $"http://127.0.0.1:{port}",
            ConsoleLogs = false,
        });
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IssueHygiene.Storage.IHygieneStore>(host.Services);
        await store.InitializeAsync();
        var queued = await store.Deliveries.EnqueueAsync(new NewDelivery
        {
            IdempotencyKey = "before-start",
            EventName = "Issue Hook",
            ProjectId = simulator.Handbook!.Projects[0].Id,
            IssueIid = 1,
            ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            Payload = "{\"digest\":1,\"kind\":\"issue\"}",
        });
        var requestsBefore = simulator.RequestLog.Entries.Count;

        await Assert.ThrowsAnyAsync<IOException>(() => host.StartAsync());
        await host.StopAsync();

        Assert.Equal(0, (await store.Deliveries.GetAsync(queued.DeliveryId))!.Attempts);
        Assert.Equal(requestsBefore, simulator.RequestLog.Entries.Count);
    }

    [Fact]
    public async Task ServeProcess_PortAlreadyTaken_OneLineOnStderrNothingOnStdout()
    {
        // Hole 10: a start-up failure also printed "Hosting failed to start" with a stack trace on stdout.
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "issue-hygiene.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["IssueHygiene__GitLab__BaseUrl"] = "http://127.0.0.1:9";
        start.Environment["IssueHygiene__GitLab__Token"] = "a-token-for-startup-tests";
        start.Environment["IssueHygiene__Webhook__Secrets__0"] = ServeHarness.Secret;
        start.Environment["IssueHygiene__Storage__ConnectionString"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("issue-hygiene-port-").FullName, "store.db")}";
        start.Environment["IssueHygiene__Rules__Path"] = IssueHygiene.Tests.Cli.CliRunner.Repo("rules/handbook.yml");

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        // stderr carries the structured log (JSON lines, as it is not a terminal) and the one line the command prints.
        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(string.Empty, (await stdout).Trim());
        var error = await stderr;
        var plain = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith('{'));
        Assert.Contains("cannot listen", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", error, StringComparison.Ordinal);
        // Nothing scheduled started before the port was bound, so nothing is cancelled half-way with a stack trace.
        Assert.DoesNotContain("TaskCanceledException", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int MembershipLookups(ServeHarness harness) =>
        harness.Simulator.RequestLog.Entries.Count(e => e.Method == "GET" && e.Path.Contains("/members/all/", StringComparison.Ordinal));

    private static async Task<long> NoteIdAsync(ServeHarness harness, long iid, string text, string sudo)
    {
        using var client = harness.Simulator.CreateClient(sudo: sudo);
        var response = await client.PostAsJsonAsync($"/api/v4/projects/{harness.ProjectId}/issues/{iid}/notes", new Dictionary<string, object> { ["body"] = text });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    private static async Task<long> UserIdAsync(ServeHarness harness, string username)
    {
        using var client = harness.Simulator.CreateClient(sudo: username);
        return JsonNode.Parse(await client.GetStringAsync("/api/v4/user"))!["id"]!.GetValue<long>();
    }

    private static string IssueHook(long projectId, long iid, string path) => new JsonObject
    {
        ["object_kind"] = "issue",
        ["event_type"] = "issue",
        ["user"] = new JsonObject { ["id"] = 1, ["username"] = "root", ["name"] = "Administrator" },
        ["project"] = new JsonObject { ["id"] = projectId, ["path_with_namespace"] = path, ["name"] = "p" },
        ["object_attributes"] = new JsonObject
        {
            ["id"] = 10_000 + iid, ["iid"] = iid, ["title"] = "t", ["state"] = "opened", ["action"] = "update",
            ["created_at"] = "2026-11-20T10:00:00Z", ["updated_at"] = "2026-11-23T10:00:00Z", ["labels"] = new JsonArray(),
        },
        ["labels"] = new JsonArray(),
    }.ToJsonString();

    private static string NoteHook(long projectId, long iid, long noteId, long authorId, string username, string text) => new JsonObject
    {
        ["object_kind"] = "note",
        ["event_type"] = "note",
        ["user"] = new JsonObject { ["id"] = authorId, ["username"] = username, ["name"] = username },
        ["project_id"] = projectId,
        ["project"] = new JsonObject { ["id"] = projectId, ["path_with_namespace"] = "handbook-org/meltano" },
        ["object_attributes"] = new JsonObject
        {
            ["id"] = noteId, ["note"] = text, ["noteable_type"] = "Issue", ["author_id"] = authorId, ["project_id"] = projectId,
            ["action"] = "create", ["created_at"] = "2026-11-23T10:00:00Z",
        },
        ["issue"] = new JsonObject { ["id"] = 10_000 + iid, ["iid"] = iid, ["project_id"] = projectId, ["title"] = "t" },
    }.ToJsonString();

    /// <summary>One to three mutations of a GitLab body: a value swapped for another type, a key dropped, or the bytes cut.</summary>
    private static string Mutate(string json, Random random)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var (parent, key) = PickProperty(root, random);
            switch (random.Next(4))
            {
                case 0:
                    parent.Remove(key);
                    break;
                case 1:
                    parent[key] = Replacement(random);
                    break;
                case 2:
                    parent[key] = null;
                    break;
                default:
                    var text = root.ToJsonString();
                    return text[..random.Next(text.Length)];
            }
        }

        return root.ToJsonString();
    }

    private static (JsonObject Parent, string Key) PickProperty(JsonObject root, Random random)
    {
        var parent = root;
        while (true)
        {
            var keys = parent.Select(p => p.Key).ToList();
            var key = keys[random.Next(keys.Count)];
            if (parent[key] is JsonObject child && child.Count > 0 && random.Next(2) == 0)
            {
                parent = child;
                continue;
            }

            return (parent, key);
        }
    }

    private static JsonNode? Replacement(Random random) => random.Next(9) switch
    {
        0 => JsonValue.Create(0),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create("x"),
        4 => JsonValue.Create(1.5),
        5 => new JsonArray(1, "a"),
        6 => new JsonObject { ["id"] = "nope" },
        7 => JsonValue.Create(true),
        _ => JsonValue.Create(new string('a', random.Next(1, 5_000))),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

using System.Net;
using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Tests.Serve;

/// <summary>The simulator fires real webhooks at a real in-process <c>serve</c>.</summary>
[Trait("Category", "Slow")]
public sealed class WebhookEndToEndTests
{
    [Fact]
    public async Task IssueHook_IssueOpenedWithoutMilestone_GetsLintNoteAndFixWithinSeconds()
    {
        await using var harness = await ServeHarness.StartAsync();
        var started = DateTimeOffset.UtcNow;

        var iid = await harness.CreateIssueAsync("Pipeline fails on Mondays", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();

        var issue = harness.Simulator.State.Issue(harness.ProjectId, iid)!;
        Assert.Equal("Backlog", issue.MilestoneTitle);
        Assert.Contains("flow::Triage", issue.Labels);
        var note = Assert.Single(harness.LintNotes(iid));
        Assert.Contains("milestone-required", note.Body, StringComparison.Ordinal);
        Assert.Equal("issue-hygiene-bot", note.AuthorUsername);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10), "took " + (DateTimeOffset.UtcNow - started));
    }

    [Fact]
    public async Task IssueHook_ReplayedAndEchoedAfterFix_WritesNothingMore()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Echo me", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();
        var writes = harness.NonGetRequests();
        var evaluations = await EvaluationsAsync(harness);

        // What GitLab sends after our own writes when it does not recognise the echo: the issue's hooks again, new keys.
        foreach (var delivery in harness.Simulator.WebhookDeliveries.Where(d => d.Event == "Issue Hook"))
        {
            using var response = await WebhookDeliveryClient.PostAsync(harness.Http, delivery.Body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await harness.WaitForQuietAsync();
        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Single(harness.LintNotes(iid));
        Assert.True(await EvaluationsAsync(harness) > evaluations, "the replayed hooks were not evaluated");
    }

    private static async Task<long> EvaluationsAsync(ServeHarness harness)
    {
        var line = (await harness.Http.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith("issuehygiene_evaluations_total ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Sweep_WritesWithoutEcho_WebhooksItFiresWriteNothing()
    {
        await using var harness = await ServeHarness.StartAsync(issues: 12);
        var configuration = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath);
        var sweepOut = new StringWriter();
        var cli = new IssueHygiene.Cli.CliApp(sweepOut, sweepOut, TimeProvider.System) { ConfigurationOverrides = configuration };
        Assert.Contains(await cli.RunAsync(["sweep"], CancellationToken.None), new[] { 0, 1 });
        var afterSweep = harness.NonGetRequests();
        Assert.True(afterSweep > 0, sweepOut.ToString());

        // The sweep does not echo an event UUID, so GitLab fires hooks for each of its writes at serve.
        await harness.WaitForQuietAsync();
        Assert.True(harness.Simulator.WebhookDeliveries.Count > 0);
        Assert.Equal(afterSweep, harness.NonGetRequests());
    }

    [Fact]
    public async Task WebhookEndpoint_SameDeliveryReplayedTenTimes_StoredAndProcessedOnce()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Replay me", labels: "Bug,Extract,flow::Triage", milestoneId: harness.Simulator.Handbook!.BacklogMilestoneId);
        await harness.WaitForQuietAsync();
        var body = harness.Simulator.WebhookDeliveries.Last(d => d.Event == "Issue Hook").Body;
        var key = Guid.NewGuid().ToString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await WebhookDeliveryClient.PostAsync(harness.Http, body, idempotencyKey: key);
            statuses.Add(response.StatusCode);
        }

        await harness.WaitForQuietAsync();
        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.All(statuses.Skip(1), s => Assert.Equal(HttpStatusCode.OK, s));
        var metrics = await harness.Http.GetStringAsync("/metrics");
        Assert.Contains("issuehygiene_deliveries_deduplicated_total 9", metrics, StringComparison.Ordinal);
        var audit = await harness.Store.Audit.QueryAsync(new Storage.Audit.AuditQuery { IssueIid = iid, ProjectId = harness.ProjectId });
        Assert.Empty(audit);
        Assert.Empty(harness.LintNotes(iid));
    }

    [Fact]
    public async Task WebhookEndpoint_WrongOrMissingToken_Returns401AndStoresNothing()
    {
        await using var harness = await ServeHarness.StartAsync();
        var body = await File.ReadAllTextAsync(Cli.CliRunner.Repo("tests/IssueHygiene.Tests/Serve/Fixtures/issue_hook.json"));

        using var wrong = await WebhookDeliveryClient.PostAsync(harness.Http, body, token: "not-the-secret");
        using var missing = await WebhookDeliveryClient.PostAsync(harness.Http, body, token: null);
        using var prefix = await WebhookDeliveryClient.PostAsync(harness.Http, body, token: ServeHarness.Secret[..^1]);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
        var counts = await harness.Store.Deliveries.GetCountsAsync();
        Assert.Equal(0, counts.Pending + counts.Claimed + counts.Dead);
        Assert.Null(await harness.Store.Deliveries.GetAsync(1));
    }

    [Fact]
    public async Task WebhookEndpoint_RotatedSecrets_BothAccepted()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c => c["Webhook:Secrets:1"] = "the-next-secret-fedcba9876543210");
        var body = await File.ReadAllTextAsync(Cli.CliRunner.Repo("tests/IssueHygiene.Tests/Serve/Fixtures/issue_hook.json"));

        using var old = await WebhookDeliveryClient.PostAsync(harness.Http, body);
        using var next = await WebhookDeliveryClient.PostAsync(harness.Http, body, token: "the-next-secret-fedcba9876543210");

        Assert.True(old.IsSuccessStatusCode);
        Assert.True(next.IsSuccessStatusCode);
    }

    [Fact]
    public async Task WebhookEndpoint_ThousandMalformedOrOversizedBodies_No5xxNothingStoredStillServing()
    {
        await using var harness = await ServeHarness.StartAsync();
        var valid = await File.ReadAllTextAsync(Cli.CliRunner.Repo("tests/IssueHygiene.Tests/Serve/Fixtures/issue_hook.json"));
        var random = new Random(5);
        var bodies = new List<(byte[] Body, string Event)>();
        for (var i = 0; i < 990; i++)
        {
            var (text, gitLabEvent) = (i % 7) switch
            {
                0 => (valid[..random.Next(1, valid.Length - 1)], "Issue Hook"),                   // truncated
                1 => ("{\"object_kind\":\"issue\"}", "Issue Hook"),                              // required fields missing
                2 => ("{\"object_kind\":\"note\",\"object_attributes\":42}", "Note Hook"),        // wrong types
                3 => (valid, "Note Hook"),                                                       // header disagrees with body
                4 => (new string('[', 5000), "Issue Hook"),                                      // deep nesting
                5 => (string.Empty, "Issue Hook"),                                               // random bytes (below)
                _ => (Convert.ToBase64String(Guid.NewGuid().ToByteArray()), "Issue Hook"),        // not JSON
            };
            var bytes = i % 7 == 5 ? new byte[random.Next(1, 4096)] : System.Text.Encoding.UTF8.GetBytes(text);
            if (i % 7 == 5)
            {
                random.NextBytes(bytes);
            }

            bodies.Add((bytes, gitLabEvent));
        }

        var oversized = "{\"object_kind\":\"issue\",\"x\":\"" + new string('a', 9 * 1024 * 1024) + "\"}";
        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, _) =>
        {
            using var response = await WebhookDeliveryClient.PostBytesAsync(harness.Http, b.Body, b.Event);
            statuses.Add((int)response.StatusCode);
        });
        for (var i = 0; i < 10; i++)
        {
            using var response = await WebhookDeliveryClient.PostAsync(harness.Http, oversized);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(1000, statuses.Count);
        Assert.All(statuses, s => Assert.InRange(s, 400, 499));
        Assert.Equal(10, statuses.Count(s => s == 413));
        var counts = await harness.Store.Deliveries.GetCountsAsync();
        Assert.Equal(0, counts.Pending + counts.Claimed + counts.Dead);
        using var still = await WebhookDeliveryClient.PostAsync(harness.Http, valid);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode); // GitLab's example project is outside the scopes: acknowledged, ignored
        Assert.Equal("ok\n", await harness.Http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Sweep_RacingWebhooksOnSameIssues_ExactlyOneStickyNotePerIssue()
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        var iids = new List<long>();
        for (var i = 0; i < 15; i++)
        {
            iids.Add(await harness.CreateIssueAsync($"Race {i}", labels: "Extract"));
        }

        await harness.RegisterGroupHookAsync(ServeHarness.Secret);
        var configuration = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath);
        configuration.Remove("Scopes:Groups:0");
        configuration["Scopes:Projects:0"] = harness.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cli = new IssueHygiene.Cli.CliApp(TextWriter.Null, TextWriter.Null, TimeProvider.System) { ConfigurationOverrides = configuration };

        // Both sides at once: webhooks (edits of every issue) and a sweep over the same project.
        var sweep = cli.RunAsync(["sweep"], CancellationToken.None);
        foreach (var iid in iids)
        {
            await harness.CommentAsync(iid, "Any news?", "reporter-user");
        }

        await sweep;
        await harness.WaitForQuietAsync(TimeSpan.FromSeconds(40));
        Assert.All(iids, iid => Assert.Single(harness.LintNotes(iid)));
    }

    [Fact]
    public async Task Status_AfterTraffic_ReportsQueueMetricsAndReadiness()
    {
        await using var harness = await ServeHarness.StartAsync();
        await harness.CreateIssueAsync("Count me", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();

        var metrics = await harness.Http.GetStringAsync("/metrics");
        var status = System.Text.Json.Nodes.JsonNode.Parse(await harness.Http.GetStringAsync("/status"))!;
        using var ready = await harness.Http.GetAsync("/readyz");

        foreach (var name in new[]
        {
            "issuehygiene_deliveries_received_total", "issuehygiene_deliveries_deduplicated_total", "issuehygiene_deliveries_processed_total",
            "issuehygiene_deliveries_dead_lettered_total", "issuehygiene_queue_depth 0", "issuehygiene_findings_total{rule=\"milestone-required\"}",
            "issuehygiene_writes_total{kind=\"note-create\"} 1", "issuehygiene_gitlab_requests_total{endpoint=",
        })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        Assert.Equal(0, status["queue"]!["depth"]!.GetValue<long>());
        Assert.True(status["deliveries"]!["processed"]!.GetValue<long>() >= 1);
        Assert.NotNull(status["deadLetters"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\":true", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintWorker_GitLabKeepsFailing_DeliveryDeadLetteredAndVisible()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c => c["Worker:Debounce"] = "00:00:00.500");
        var iid = await harness.CreateIssueAsync("Doomed", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();

        // The comment goes through; everything the worker then asks of GitLab answers 5xx.
        await harness.CommentAsync(iid, "ping", "developer-user");
        harness.Simulator.Knobs.FaultKinds = GitLabSimulator.FaultKinds.ServerErrors;
        harness.Simulator.Knobs.FaultRate = 1.0;
        await Eventually.AssertAsync(async () => (await harness.Store.Deliveries.GetCountsAsync()).Dead > 0, TimeSpan.FromSeconds(40), "the delivery is dead-lettered", TimeSpan.FromMilliseconds(100));

        harness.Simulator.Knobs.FaultRate = 0;
        var status = System.Text.Json.Nodes.JsonNode.Parse(await harness.Http.GetStringAsync("/status"))!;
        Assert.Equal(1, status["queue"]!["dead"]!.GetValue<long>());
        Assert.Equal(iid, status["deadLetters"]![0]!["issueIid"]!.GetValue<long>());
        // The worker counts the dead letter just after the store has it.
        await Eventually.AssertAsync(
            async () => (await harness.Http.GetStringAsync("/metrics")).Contains("issuehygiene_deliveries_dead_lettered_total 1", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5), "/metrics counts the dead letter");
    }

    [Fact]
    public async Task Logs_FullScenario_NeverContainTokenOrSecretAndCarryDeliveryContext()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Log me", labels: "Extract");
        await harness.CommentAsync(iid, "@issue-hygiene-bot explain", "developer-user");
        using var wrong = await WebhookDeliveryClient.PostAsync(harness.Http, "{}", token: "guess");
        await harness.WaitForQuietAsync();
        // The worker logs its verdict just after completing the claim: give that line a moment on a busy machine.
        await Eventually.AssertAsync(() => harness.Logs.Events.Any(e => e.MessageTemplate.Text.StartsWith("Evaluated", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the worker logs its verdict");

        var text = harness.Logs.AllText;
        Assert.NotEmpty(harness.Logs.Events);
        Assert.DoesNotContain(harness.Simulator.BotToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Simulator.AdminToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ServeHarness.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("guess", text, StringComparison.Ordinal);
        var evaluated = harness.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Evaluated", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(evaluated);
        Assert.All(evaluated, e =>
        {
            Assert.True(e.Properties.ContainsKey("DeliveryId"));
            Assert.True(e.Properties.ContainsKey("ProjectId"));
            Assert.True(e.Properties.ContainsKey("Iid"));
        });
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Tests.Serve;

/// <summary>The worker's queue behaviour: debounce, graceful shutdown.</summary>
public sealed class LintWorkerTests
{
    private static async Task<long> EvaluationsAsync(ServeHarness harness)
    {
        var line = (await harness.Http.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith("issuehygiene_evaluations_total ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Worker_BurstOfEditsOnOneIssue_EvaluatedOnce()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c => c["Worker:Debounce"] = "00:00:00.800", registerHook: false);
        var iid = await harness.CreateIssueAsync("Bursty", labels: "Bug,Extract");
        var id = harness.Simulator.State.Issue(harness.ProjectId, iid)!.Id;
        var path = harness.Simulator.Handbook!.Projects[0].PathWithNamespace;

        for (var n = 0; n < 8; n++)
        {
            var body = new JsonObject
            {
                ["object_kind"] = "issue",
                ["project"] = new JsonObject { ["id"] = harness.ProjectId, ["path_with_namespace"] = path },
                ["object_attributes"] = new JsonObject { ["id"] = id, ["iid"] = iid, ["title"] = $"edit {n}", ["action"] = "update" },
            }.ToJsonString();
            using var response = await WebhookDeliveryClient.PostAsync(harness.Http, body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await harness.WaitForQuietAsync();
        Assert.Equal(1, await EvaluationsAsync(harness));
        Assert.Single(harness.LintNotes(iid));
    }

    [Fact]
    public async Task Worker_StoppedWhileGitLabIsSlow_ReleasesClaimWithoutUsingAnAttempt()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c => c["GitLab:Timeout"] = "00:00:30");
        var iid = await harness.CreateIssueAsync("Slow", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();
        harness.Simulator.Knobs.Latency = TimeSpan.FromSeconds(10);
        var body = harness.Simulator.WebhookDeliveries.Last(d => d.Event == "Issue Hook").Body;

        using var response = await WebhookDeliveryClient.PostAsync(harness.Http, body);
        var delivery = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["delivery"]!.GetValue<long>();
        await Eventually.HoldsAsync(async () => (await harness.Store.Deliveries.GetAsync(delivery))!.Status == DeliveryStatus.Claimed, TimeSpan.FromSeconds(10));

        await harness.Host.StopAsync();

        var record = (await harness.Store.Deliveries.GetAsync(delivery))!;
        Assert.Equal(DeliveryStatus.Pending, record.Status);
        Assert.Equal(0, record.Attempts);
        Assert.Null(record.LastError);
        harness.Simulator.Knobs.Latency = TimeSpan.Zero;
        Assert.Single(harness.LintNotes(iid));
    }
}

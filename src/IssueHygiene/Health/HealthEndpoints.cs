using System.Text.Json.Nodes;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Hosting;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Health;

/// <summary><c>/healthz</c> (alive), <c>/readyz</c>, <c>/metrics</c> (Prometheus text) and <c>/status</c> (JSON).</summary>
public static class HealthEndpoints
{
    /// <param name="app">The routes.</param>
    /// <param name="protect">Applied to <c>/metrics</c> and <c>/status</c>, which show more than whether the service is up.</param>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder>? protect = null)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken cancellationToken) =>
        {
            var checks = await probe.CheckAsync(cancellationToken);
            var body = new JsonObject
            {
                ["ready"] = checks.All(c => c.Ok),
                ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["ok"] = c.Ok, ["detail"] = c.Detail })]),
            };
            return Results.Text(body.ToJsonString(), "application/json", statusCode: checks.All(c => c.Ok) ? 200 : 503);
        });
        var metricsEndpoint = app.MapGet("/metrics", async (HygieneMetrics metrics, IHygieneStore store, GitLabCallStatistics gitLab, GitLabReachability reachability, HygieneOptions options, CancellationToken cancellationToken) =>
        {
            QueueCounts? counts = null;
            var sweeps = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            try
            {
                counts = await store.Deliveries.GetCountsAsync(cancellationToken);
                foreach (var scope in HygieneServiceCollectionExtensions.ScopesFrom(options, null, null))
                {
                    if (await store.Sweeps.GetLastSuccessfulStartAsync(scope.Key, cancellationToken) is { } start)
                    {
                        sweeps[scope.Key] = start;
                    }
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StorageUnavailableException)
            {
                // The gauges are left out; the counters still tell the story (readyz reports the store).
            }

            var gitLabUp = (await reachability.CheckAsync(cancellationToken)).Ok;
            return Results.Text(PrometheusText.Render(metrics, counts, gitLab.Snapshot(), new ServiceHealthFacts(sweeps, gitLabUp)), PrometheusText.ContentType);
        });
        var statusEndpoint = app.MapGet("/status", async (HygieneMetrics metrics, IHygieneStore store, HygieneOptions options, GitLabReachability reachability, CancellationToken cancellationToken) =>
        {
            var counts = await store.Deliveries.GetCountsAsync(cancellationToken);
            var dead = await store.Deliveries.ListDeadLettersAsync(20, cancellationToken);
            var sweeps = new JsonArray();
            foreach (var scope in HygieneServiceCollectionExtensions.ScopesFrom(options, null, null))
            {
                var last = await store.Sweeps.GetLastSuccessfulStartAsync(scope.Key, cancellationToken);
                sweeps.Add((JsonNode)new JsonObject { ["scope"] = scope.Key, ["lastSuccessfulStart"] = last?.ToString("O") });
            }

            var gitLabCheck = await reachability.CheckAsync(cancellationToken);
            var body = new JsonObject
            {
                ["version"] = BuildVersion.Informational,
                ["gitlab"] = new JsonObject { ["reachable"] = gitLabCheck.Ok, ["detail"] = gitLabCheck.Detail },
                ["dryRun"] = options.DryRun,
                ["queue"] = new JsonObject { ["depth"] = counts.Depth, ["pending"] = counts.Pending, ["claimed"] = counts.Claimed, ["dead"] = counts.Dead },
                ["deliveries"] = new JsonObject
                {
                    ["received"] = metrics.Received,
                    ["deduplicated"] = metrics.Deduplicated,
                    ["processed"] = metrics.Processed,
                    ["failed"] = metrics.Failed,
                    ["deadLettered"] = metrics.DeadLettered,
                },
                ["lastSweep"] = new JsonObject
                {
                    ["durationSeconds"] = metrics.LastSweepDuration?.TotalSeconds,
                    ["scopes"] = sweeps,
                },
                ["deadLetters"] = new JsonArray([.. dead.Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Id,
                    ["event"] = d.EventName,
                    ["projectId"] = d.ProjectId,
                    ["issueIid"] = d.IssueIid,
                    ["attempts"] = d.Attempts,
                    ["receivedAt"] = d.ReceivedAt.ToString("O"),
                    ["lastError"] = d.LastError,
                })]),
            };
            return Results.Text(body.ToJsonString(), "application/json");
        });
        protect?.Invoke(metricsEndpoint);
        protect?.Invoke(statusEndpoint);
        return app;
    }
}

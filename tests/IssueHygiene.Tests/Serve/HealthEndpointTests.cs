using System.Net;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// <c>/readyz</c> says whether this replica can accept and keep deliveries — not whether GitLab is up, which
/// <c>/status</c> and <c>/metrics</c> report; the metrics carry the right types, the build and the last sweep.
/// </summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Readyz_GitLabDown_StaysReadyWhileStatusAndMetricsReportGitLabDown()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c =>
        {
            c["GitLab:MaxRetries"] = "0";
            c["Schedule:Cron"] = string.Empty;
        });
        harness.Simulator.Knobs.FaultKinds = FaultKinds.ServiceUnavailable;
        harness.Simulator.Knobs.FaultRate = 1.0;

        using var ready = await harness.Http.GetAsync("/readyz");
        var status = JsonNode.Parse(await harness.Http.GetStringAsync("/status"))!;
        var metrics = await harness.Http.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain("gitlab", await ready.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(status["gitlab"]!["reachable"]!.GetValue<bool>());
        Assert.Contains("\nissuehygiene_gitlab_up 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterASweep_TypesRightBuildInfoAndLastSuccessfulSweep()
    {
        await using var harness = await ServeHarness.StartAsync(issues: 5, configure: c => c["Schedule:Cron"] = string.Empty);
        var scope = "group:" + harness.Simulator.Handbook!.GroupPath;
        var run = await harness.Store.Sweeps.StartAsync(scope);
        await harness.Store.Sweeps.FinishAsync(run.Id, Storage.Sweeps.SweepStatus.Succeeded);

        var metrics = await harness.Http.GetStringAsync("/metrics");

        Assert.Contains("issuehygiene_build_info{version=\"", metrics, StringComparison.Ordinal);
        Assert.Contains($"issuehygiene_last_successful_sweep_timestamp_seconds{{scope=\"{scope}\"}} ", metrics, StringComparison.Ordinal);
        Assert.Contains("\nissuehygiene_gitlab_up 1\n", metrics, StringComparison.Ordinal);
        var types = metrics.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.True(t[2].EndsWith("_total", StringComparison.Ordinal) == (t[3] == "counter"), $"{t[2]} is typed {t[3]}"));
    }
}

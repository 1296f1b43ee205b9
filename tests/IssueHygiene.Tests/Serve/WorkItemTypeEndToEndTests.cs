using System.Text.Json;
using System.Text.Json.Nodes;
using IssueHygiene.Cli;
using IssueHygiene.Core.Secrets;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Tests.Secrets;
using static IssueHygiene.Tests.Polling.PollingTestKit;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// One rule for work item types on every path: a task with hygiene problems gets no note and no fix whether it arrives
/// by webhook (GitLab's <c>object_kind: work_item</c> on the Issue Hook) or by polling, exactly as <c>lint</c> and the
/// sweep report it ("skipped: task"); an incident is governed; a task with a leaked credential still gets the
/// secret-leak response, because secret-leak applies to every item. The simulator answers <c>issue_type</c>/<c>type</c>
/// as GitLab does (<c>task</c>/<c>TASK</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class WorkItemTypeEndToEndTests
{
    [Fact]
    public async Task Webhook_TaskIncidentAndLeakyTask_SameVerdictAsLintAndTheSweep()
    {
        await using var harness = await ServeHarness.StartAsync();

        var items = await CreateItemsAsync(harness);
        await harness.WaitForQuietAsync();

        // The task's event reached serve the way GitLab sends it, and was accepted (not refused as unknown).
        var taskHooks = harness.Simulator.WebhookDeliveries.Where(d => d.Event == "Issue Hook" && Kind(d.Body) == "work_item").ToList();
        Assert.Equal(2, taskHooks.Count);
        Assert.All(taskHooks, d => Assert.Equal(202, d.StatusCode));
        await AssertSameVerdictEverywhereAsync(harness, items);
    }

    [Fact]
    public async Task Poll_TaskIncidentAndLeakyTask_SameVerdictAsLintAndTheSweep()
    {
        // Polling only: no webhook at all.
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(TimeSpan.FromMilliseconds(300), c => c.Remove("Webhook:Secrets:0")), registerHook: false);

        var items = await CreateItemsAsync(harness);
        // The poll picked all three up: the incident is fixed and the leak contained; then more polls change nothing.
        Assert.True(
            await Eventually.HoldsAsync(
                () => harness.Simulator.State.Issue(harness.ProjectId, items.Incident)!.MilestoneTitle == "Backlog"
                    && harness.Simulator.State.Issue(harness.ProjectId, items.LeakyTask)!.Confidential,
                TimeSpan.FromSeconds(15)),
            "the poll did not process the items");
        await PollsAsync(harness, 3);
        await harness.WaitForQuietAsync();

        Assert.Empty(harness.Simulator.WebhookDeliveries);
        await AssertSameVerdictEverywhereAsync(harness, items);
    }

    private sealed record Items(long Task, long Incident, long LeakyTask, string Token);

    private static async Task<Items> CreateItemsAsync(ServeHarness harness)
    {
        var token = new TestSecrets(seed: 31).GitLabToken();
        // Same hygiene problems on each: no milestone, no flow label.
        var task = await harness.CreateIssueAsync("Write the changelog entry", labels: "Bug,Extract", issueType: "task");
        var incident = await harness.CreateIssueAsync("Pipeline down", labels: "Bug,Extract", issueType: "incident");
        var leaky = await harness.CreateIssueAsync("Rotate the deploy token", labels: "Bug,Extract", issueType: "task", description: "token " + token);
        return new Items(task, incident, leaky, token);
    }

    private static async Task AssertSameVerdictEverywhereAsync(ServeHarness harness, Items items)
    {
        var state = harness.Simulator.State;
        var project = harness.ProjectId;

        // The task: skipped, so nothing written at all.
        var task = state.Issue(project, items.Task)!;
        Assert.Null(task.MilestoneTitle);
        Assert.Equal(["Bug", "Extract"], task.Labels);
        Assert.False(task.Confidential);
        Assert.DoesNotContain(state.Notes(project, items.Task), n => !n.System);
        var taskPath = $"/api/v4/projects/{project}/issues/{items.Task}";
        Assert.DoesNotContain(harness.Simulator.RequestLog.Entries, e => e.Method != "GET" && (e.Path == taskPath || e.Path.StartsWith(taskPath + "/", StringComparison.Ordinal)));

        // The incident: governed, fixed like an issue.
        var incident = state.Issue(project, items.Incident)!;
        Assert.Equal("Backlog", incident.MilestoneTitle);
        Assert.Contains("flow::Triage", incident.Labels);
        Assert.Contains("milestone-required", Assert.Single(harness.LintNotes(items.Incident)).Body, StringComparison.Ordinal);

        // The leaky task: contained (confidential, one internal note), but no hygiene note or fix.
        var leaky = state.Issue(project, items.LeakyTask)!;
        Assert.True(leaky.Confidential);
        Assert.Null(leaky.MilestoneTitle);
        Assert.Equal(["Bug", "Extract"], leaky.Labels);
        Assert.Empty(harness.LintNotes(items.LeakyTask));
        var warning = Assert.Single(state.Notes(project, items.LeakyTask), n => !n.System && SecretLeakNote.IsSecretLeakNote(n.Body));
        Assert.True(warning.Internal);
        Assert.DoesNotContain(items.Token, warning.Body, StringComparison.Ordinal);

        // lint --issue-json on what GitLab's REST API returns for each: the same verdicts.
        var (taskExit, taskText) = await LintAsync(harness, items.Task);
        Assert.Equal(ExitCodes.Clean, taskExit);
        Assert.Contains("skipped: task (a work item type the rules file does not govern); no leaked credential found", taskText, StringComparison.Ordinal);
        var (leakyExit, leakyText) = await LintAsync(harness, items.LeakyTask);
        Assert.Equal(ExitCodes.Violations, leakyExit);
        Assert.Contains("skipped: task", leakyText, StringComparison.Ordinal);
        Assert.Contains("secret-leak", leakyText, StringComparison.Ordinal);
        Assert.DoesNotContain("milestone-required", leakyText, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Clean, (await LintAsync(harness, items.Incident)).Exit);

        // The sweep's dry run over the same tracker: both tasks skipped as tasks, the leak reported and already contained.
        var report = await SweepReportAsync(harness);
        Assert.Equal(2, report.GetProperty("totals").GetProperty("skipped").GetProperty("task").GetInt32());
        var entries = report.GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("iid").GetInt64());
        Assert.False(entries.ContainsKey(items.Task));
        Assert.False(entries.ContainsKey(items.Incident));
        var leakyEntry = entries[items.LeakyTask];
        Assert.Equal("task", leakyEntry.GetProperty("skipped").GetString());
        Assert.Equal(["secret-leak"], leakyEntry.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()));
        Assert.Empty(leakyEntry.GetProperty("plannedWrites").EnumerateArray());
    }

    private static string? Kind(string body) => JsonNode.Parse(body)?["object_kind"]?.GetValue<string>();

    private static async Task<(int Exit, string Text)> LintAsync(ServeHarness harness, long iid)
    {
        using var client = harness.Simulator.CreateClient();
        var json = await client.GetStringAsync($"/api/v4/projects/{harness.ProjectId}/issues/{iid}");
        Assert.Contains("\"issue_type\":", json, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetDirectoryName(harness.StorePath)!, $"issue-{iid}.json");
        await File.WriteAllTextAsync(file, json);
        var output = new StringWriter();
        var cli = new CliApp(output, output, TimeProvider.System) { ConfigurationOverrides = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath) };
        var exit = await cli.RunAsync(["lint", "--issue-json", file, "--rules", CliRunner.Repo("rules/handbook.yml")], CancellationToken.None);
        return (exit, output.ToString());
    }

    private static async Task<JsonElement> SweepReportAsync(ServeHarness harness)
    {
        var file = Path.Combine(Path.GetDirectoryName(harness.StorePath)!, "work-items.json");
        var configuration = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath);
        configuration["DryRun"] = "true";
        var output = new StringWriter();
        var cli = new CliApp(output, output, TimeProvider.System) { ConfigurationOverrides = configuration };
        var exit = await cli.RunAsync(["report", "--report", file, "--format", "json"], CancellationToken.None);
        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, output.ToString());
        return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone();
    }
}

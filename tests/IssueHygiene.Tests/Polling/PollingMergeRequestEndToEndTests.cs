using System.Net.Http.Json;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Polling;
using IssueHygiene.Tests.Serve;
using static IssueHygiene.Tests.Polling.PollingTestKit;

namespace IssueHygiene.Tests.Polling;

/// <summary>Polling covers merge requests: a polling-only <c>serve</c> (no webhook at all) finds changed MRs and MR comments.</summary>
[Trait("Category", "Slow")]
public sealed class PollingMergeRequestEndToEndTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    private static IReadOnlyList<string> StickyNotes(ServeHarness harness, long iid) =>
        [.. harness.Simulator.MergeRequestNotes(harness.ProjectId, iid).Where(n => LintNote.IsLintNote(n.Body)).Select(n => n.Body)];

    [Fact]
    public async Task Poll_SelfMergedMergeRequestAndExplainComment_AnsweredInOneStickyNoteWithoutWebhooks()
    {
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(Interval, c => c.Remove("Webhook:Secrets:0")), registerHook: false);
        var key = MergeRequestPoller.WatermarkKey(GroupScope(harness.Simulator));
        Assert.True(await Eventually.HoldsAsync(async () => await harness.Store.Watermarks.GetAsync(key) is not null, Patience), "no first MR poll");

        harness.Simulator.PushBranch(harness.ProjectId, "polled", "src/meltano/core/runner.py");
        using var developer = harness.Simulator.CreateClient(sudo: SeededUsers.Developer);
        var created = await developer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests", new { title = "Run faster", source_branch = "polled", target_branch = "main" });
        created.EnsureSuccessStatusCode();
        var iid = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["iid"]!.GetValue<long>();
        (await developer.PutAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/merge", null)).EnsureSuccessStatusCode();

        Assert.True(await Eventually.HoldsAsync(() => StickyNotes(harness, iid).Count == 1, Patience), "the merged MR got no note from the poll");
        Assert.Contains("`mr-self-merged`", StickyNotes(harness, iid)[0], StringComparison.Ordinal);

        using var reporter = harness.Simulator.CreateClient(sudo: SeededUsers.Reporter);
        (await reporter.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/notes", new { body = $"@{SeededUsers.Bot} explain" })).EnsureSuccessStatusCode();

        Assert.True(
            await Eventually.HoldsAsync(() => StickyNotes(harness, iid).SingleOrDefault()?.Contains("**Every rule checked**", StringComparison.Ordinal) == true, Patience),
            "the MR comment was not read by the poll");
        Assert.Contains("| ❌ failed | `mr-self-merged` |", Assert.Single(StickyNotes(harness, iid)), StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.WebhookDeliveries);
        // The command ran once: one answer written, however many polls listed the MR since.
        Assert.True(await Eventually.HoldsAsync(async () => (await harness.Store.Deliveries.GetCountsAsync()).Depth == 0, Patience));
        var audit = await harness.Store.Audit.QueryAsync(new Storage.Audit.AuditQuery { ProjectId = harness.ProjectId });
        Assert.Equal(2, audit.Count(a => a.Entry.Detail?.StartsWith($"merge request !{iid}:", StringComparison.Ordinal) == true));
    }
}

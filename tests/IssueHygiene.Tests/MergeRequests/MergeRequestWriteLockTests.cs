using System.Net.Http.Json;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Processing;
using IssueHygiene.Sweeping;
using IssueHygiene.MergeRequests;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Tests.Serve;
using IssueHygiene.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>MR writes take the per-item write lock (the MR's queue key) and plan again from its notes under it.</summary>
[Trait("Category", "Slow")]
public sealed class MergeRequestWriteLockTests
{
    [Fact]
    public async Task TwoWritersAtOnce_SelfMergedMergeRequest_ExactlyOneStickyNote()
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        harness.Simulator.PushBranch(harness.ProjectId, "race", "src/meltano/core/runner.py");
        using var developer = harness.Simulator.CreateClient(sudo: SeededUsers.Developer);
        var created = await developer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests", new { title = "Run faster", source_branch = "race", target_branch = "main" });
        created.EnsureSuccessStatusCode();
        var iid = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["iid"]!.GetValue<long>();
        (await developer.PutAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/merge", null)).EnsureSuccessStatusCode();
        var processor = harness.Host.Services.GetRequiredService<MergeRequestProcessor>();
        var bot = await harness.Host.Services.GetRequiredService<BotIdentity>().GetAsync(CancellationToken.None);

        // A sweep and a worker on the same MR, both reading it before either wrote: without the lock both create a note.
        var outcomes = await Task.WhenAll(
            processor.ProcessAsync(harness.ProjectId, iid, [], new ActContext(AuditSources.Sweep("race"), false, WriteBudget.Unlimited, bot.Id), null, CancellationToken.None),
            processor.ProcessAsync(harness.ProjectId, iid, [], new ActContext(AuditSources.Delivery(1), false, WriteBudget.Unlimited, bot.Id), null, CancellationToken.None));

        Assert.Single(harness.Simulator.MergeRequestNotes(harness.ProjectId, iid), n => LintNote.IsLintNote(n.Body));
        Assert.Equal([ActStatus.NothingToDo, ActStatus.Written], outcomes.Select(o => o.Status).Order());
        Assert.False(await harness.Store.Leases.GetAsync(IssueWriteLock.LeaseName(harness.ProjectId, MergeRequestQueueKey.FromIid(iid))) is { } lease && lease.ExpiresAt > DateTimeOffset.UtcNow, "the lock was not released");
    }
}

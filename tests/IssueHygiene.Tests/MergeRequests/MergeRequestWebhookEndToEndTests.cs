using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>The simulator fires Merge Request Hooks at a real in-process <c>serve</c>: durable queue, worker, one note.</summary>
[Trait("Category", "Slow")]
public sealed class MergeRequestWebhookEndToEndTests
{
    private static Task RegisterMergeRequestHookAsync(ServeHarness harness) => MergeRequestGroupHook.RegisterAsync(harness, noteEvents: false);

    private static int MergeRequestNoteWrites(ServeHarness harness) => harness.Simulator.RequestLog.Entries.Count(e =>
        e.Method != "GET" && e.Path.Contains("/merge_requests/", StringComparison.Ordinal) && e.Path.Contains("/notes", StringComparison.Ordinal));

    [Fact]
    public async Task MergeRequestHook_SelfMerged_GetsOneStickyNoteFromTheBot()
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        await RegisterMergeRequestHookAsync(harness);

        var iid = await SelfMergedMergeRequest.OpenAndMergeAsync(harness, "runner");

        var notes = harness.Simulator.MergeRequestNotes(harness.ProjectId, iid).Where(n => LintNote.IsLintNote(n.Body)).ToList();
        var note = Assert.Single(notes);
        Assert.Equal(SeededUsers.Bot, note.Author);
        Assert.Contains("mr-self-merged", note.Body, StringComparison.Ordinal);
        Assert.Contains("All non-trivial merge requests should be reviewed and merged by someone other than the author.", note.Body, StringComparison.Ordinal);
        // Open (within the grace period) wrote nothing; merge wrote the one note.
        Assert.Equal(1, MergeRequestNoteWrites(harness));
    }

    [Fact]
    public async Task MergeRequestHook_DryRun_MakesNoWrite()
    {
        await using var harness = await ServeHarness.StartAsync(configure: c => c["DryRun"] = "true", registerHook: false);
        await RegisterMergeRequestHookAsync(harness);

        var iid = await SelfMergedMergeRequest.OpenAndMergeAsync(harness, "runner-dry");

        Assert.Empty(harness.Simulator.MergeRequestNotes(harness.ProjectId, iid));
        Assert.Equal(0, MergeRequestNoteWrites(harness));
        Assert.Contains(harness.Simulator.RequestLog.Entries, e => e.Method == "GET" && e.Path.EndsWith($"/merge_requests/{iid}/diffs", StringComparison.Ordinal));
        var audit = await harness.Store.Audit.QueryAsync(new Storage.Audit.AuditQuery { ProjectId = harness.ProjectId });
        Assert.Contains(audit, a => a.Entry.DryRun && a.Entry.Detail!.StartsWith($"merge request !{iid}:", StringComparison.Ordinal));
    }
}

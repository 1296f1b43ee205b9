using System.Net.Http.Json;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.MergeRequests;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>
/// <c>@bot lint|explain|waive</c> written in merge request comments (Note Hook, noteable_type MergeRequest), answered
/// in the MR's sticky note with the same answers and access checks as on issues.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MergeRequestCommentCommandEndToEndTests
{
    private const string Bot = "@" + SeededUsers.Bot;

    private static async Task<ServeHarness> StartAsync()
    {
        var harness = await ServeHarness.StartAsync(registerHook: false);
        await MergeRequestGroupHook.RegisterAsync(harness, noteEvents: true);
        return harness;
    }

    /// <summary>An MR that touches code, merged by its author: the bot's note reports <c>mr-self-merged</c>.</summary>
    private static async Task<long> SelfMergedAsync(ServeHarness harness, string branch)
    {
        var iid = await SelfMergedMergeRequest.OpenAndMergeAsync(harness, branch);
        Assert.Contains("`mr-self-merged`", StickyNote(harness, iid), StringComparison.Ordinal);
        return iid;
    }

    private static async Task CommentAsync(ServeHarness harness, long iid, string text, string sudo)
    {
        using var client = harness.Simulator.CreateClient(sudo: sudo);
        (await client.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/notes", new { body = text })).EnsureSuccessStatusCode();
        await harness.WaitForQuietAsync();
    }

    private static string StickyNote(ServeHarness harness, long iid) =>
        Assert.Single(harness.Simulator.MergeRequestNotes(harness.ProjectId, iid), n => LintNote.IsLintNote(n.Body)).Body;

    [Fact]
    public async Task Waive_ByDeveloper_RecordedForTheMergeRequestOnlyAndFindingDropped()
    {
        await using var harness = await StartAsync();
        var iid = await SelfMergedAsync(harness, "waive-me");

        await CommentAsync(harness, iid, $"Hotfix, reviewed on a call.\n{Bot} waive mr-self-merged until 2099-12-31 reviewed live\n{Bot} waive stage-label-unused", SeededUsers.Developer);

        // Stored under the MR's key, never under the issue with the same number.
        var waiver = Assert.Single(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, MergeRequestQueueKey.FromIid(iid), new DateOnly(2030, 1, 1)));
        Assert.Equal(("mr-self-merged", new DateOnly(2099, 12, 31), "reviewed live", SeededUsers.Developer), (waiver.RuleId, waiver.Until, waiver.Reason, waiver.WaivedBy));
        Assert.Empty(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, iid, new DateOnly(2030, 1, 1)));

        var note = StickyNote(harness, iid);
        Assert.Contains("Merge request hygiene: all resolved", note, StringComparison.Ordinal);
        Assert.Contains($"- `mr-self-merged` waived by `{SeededUsers.Developer}` until 2099-12-31: `reviewed live`", note, StringComparison.Ordinal);
        Assert.DoesNotContain("| `mr-self-merged` |", note, StringComparison.Ordinal);
        // An issue rule cannot be waived on a merge request: the same refusal as for an unknown rule.
        Assert.Contains("not recorded: there is no rule `stage-label-unused`", note, StringComparison.Ordinal);
        // The comment was read from GitLab, not from the hook's payload.
        Assert.Contains(harness.Simulator.RequestLog.Entries, e => e.Method == "GET" && e.Path.Contains($"/merge_requests/{iid}/notes/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplainAndWaive_ByReporter_ExplainsEveryRuleAndRefusesTheWaiver()
    {
        await using var harness = await StartAsync();
        var iid = await SelfMergedAsync(harness, "explain-me");

        await CommentAsync(harness, iid, $"{Bot} explain\n{Bot} waive mr-self-merged", SeededUsers.Reporter);

        var note = StickyNote(harness, iid);
        Assert.Contains("**Every rule checked**", note, StringComparison.Ordinal);
        Assert.Contains("| ❌ failed | `mr-self-merged` |", note, StringComparison.Ordinal);
        Assert.Contains("`mr-reviewer-required`", note, StringComparison.Ordinal);
        Assert.Contains("refused: waiving a rule needs Developer access or more.", note, StringComparison.Ordinal);
        Assert.Contains("| `mr-self-merged` |", note, StringComparison.Ordinal);
        Assert.Empty(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, MergeRequestQueueKey.FromIid(iid), new DateOnly(2030, 1, 1)));
    }
}

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// The lines the sticky note offers for findings the bot does not fix work as written when a person comments them:
/// GitLab (the simulator's quick-action parser) applies them, and the note then says everything is resolved.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CopyableQuickActionEndToEndTests
{
    [Fact]
    public async Task GitLabFree_TwoFlowLabelsAndNoAssignee_ThePersonCommentsTheOfferedLines_AndTheNoteResolves()
    {
        await using var harness = await ServeHarness.StartAsync();
        // GitLab Free: a scoped label does not replace the others of its scope, so an issue can carry two flow labels.
        harness.Simulator.Knobs.ScopedLabelExclusivity = false;
        var iid = await harness.CreateIssueAsync("Retry forever on 429", labels: "Bug,Extract,flow::Doing,flow::Review", milestoneId: CurrentSprint(harness));
        await harness.WaitForQuietAsync();
        const string keepDoing = "/unlabel ~\"flow::Review\"";
        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.True(note.Contains($"`{keepDoing}` keeps `flow::Doing`; `/unlabel ~\"flow::Doing\"` keeps `flow::Review`.", StringComparison.Ordinal), note);
        Assert.True(note.Contains("To fix it, comment (one command per line): `/assign me`", StringComparison.Ordinal), note);

        await harness.CommentAsync(iid, keepDoing + "\n/assign me", "developer-user");
        await harness.WaitForQuietAsync();

        var issue = harness.Simulator.State.Issue(harness.ProjectId, iid)!;
        Assert.Equal(["Bug", "Extract", "flow::Doing"], issue.Labels);
        Assert.Equal(["developer-user"], issue.AssigneeUsernames);
        Assert.Contains("all resolved", Assert.Single(harness.LintNotes(iid)).Body, StringComparison.Ordinal);
    }

    private static long CurrentSprint(ServeHarness harness)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return harness.Simulator.Handbook!.SprintMilestoneIds.Where(s => s.Key >= today).MinBy(s => s.Key).Value;
    }
}

using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Serve;

/// <summary>
/// <c>@bot</c> commands written in issue comments, answered in the sticky note. The waiver tests use
/// <c>stage-label-unused</c> (a warning in the note); <c>type-label</c> is info ("When possible") and never in a note.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CommentCommandEndToEndTests
{
    private const string Bot = "@issue-hygiene-bot";

    [Fact]
    public async Task Explain_ByAnyone_StickyNoteListsEveryRuleWithPassOrFail()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Explain me", labels: "Extract");
        await harness.WaitForQuietAsync();

        await harness.CommentAsync(iid, $"{Bot} explain", "reporter-user");
        await harness.WaitForQuietAsync();

        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains("**Every rule checked**", note, StringComparison.Ordinal);
        Assert.Contains("| ❌ failed | `type-label` |", note, StringComparison.Ordinal);
        Assert.Contains("| ✅ passed | `flow-label-single` |", note, StringComparison.Ordinal);
        foreach (var rule in new[] { "milestone-required", "flow-label-required", "flow-label-known", "stage-label-unused", "triaged-needs-assignee", "triaged-needs-milestone", "sprint-overdue" })
        {
            Assert.Contains($"`{rule}`", note, StringComparison.Ordinal);
        }

        // Two notes on the issue: the comment and the sticky note; the answer went into the latter.
        Assert.Equal(2, harness.Simulator.State.Notes(harness.ProjectId, iid).Count(n => !n.System));
    }

    [Fact]
    public async Task Waive_ByDeveloper_RecordedShownInNoteAndRuleNoLongerReported()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Waive me", labels: "Notebook");
        await harness.WaitForQuietAsync();
        Assert.Contains("`stage-label-unused`", Assert.Single(harness.LintNotes(iid)).Body, StringComparison.Ordinal);

        await harness.CommentAsync(iid, $"Agreed with the team.\n{Bot} waive stage-label-unused until 2099-12-31 imported from Jira", "developer-user");
        await harness.WaitForQuietAsync();

        var waiver = Assert.Single(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, iid, new DateOnly(2030, 1, 1)));
        Assert.Equal(("stage-label-unused", new DateOnly(2099, 12, 31), "imported from Jira", "developer-user"), (waiver.RuleId, waiver.Until, waiver.Reason, waiver.WaivedBy));
        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains("**Waived**", note, StringComparison.Ordinal);
        Assert.Contains("- `stage-label-unused` waived by `developer-user` until 2099-12-31: `imported from Jira`", note, StringComparison.Ordinal);
        Assert.DoesNotContain("| `stage-label-unused` |", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waive_ThenSweep_SweepHonoursWaiverAndWritesNothing()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Waive then sweep", labels: "Notebook");
        await harness.WaitForQuietAsync();
        await harness.CommentAsync(iid, $"{Bot} waive stage-label-unused", "developer-user");
        await harness.WaitForQuietAsync();
        var note = Assert.Single(harness.LintNotes(iid)).Body;
        var writes = harness.NonGetRequests();

        var configuration = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath);
        var cli = new IssueHygiene.Cli.CliApp(TextWriter.Null, TextWriter.Null, TimeProvider.System) { ConfigurationOverrides = configuration };
        await cli.RunAsync(["sweep", "--project", harness.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);
        await harness.WaitForQuietAsync();

        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Equal(note, Assert.Single(harness.LintNotes(iid)).Body);
    }

    [Fact]
    public async Task Waive_ByGuest_RefusedInNoteAndNothingRecorded()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Guest tries", labels: "Notebook");
        await harness.WaitForQuietAsync();

        await harness.CommentAsync(iid, $"{Bot} waive stage-label-unused", "guest-user");
        await harness.WaitForQuietAsync();

        Assert.Empty(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, iid, new DateOnly(2030, 1, 1)));
        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains("Waiver of `stage-label-unused` by `guest-user` refused: waiving a rule needs Developer access or more.", note, StringComparison.Ordinal);
        Assert.Contains("| `stage-label-unused` |", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ByAnyone_UsageShownInStickyNote()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Help me", labels: "Extract");
        await harness.WaitForQuietAsync();

        await harness.CommentAsync(iid, $"{Bot} help", "reporter-user");
        await harness.WaitForQuietAsync();

        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains("**Answers**", note, StringComparison.Ordinal);
        Assert.Contains("@bot waive RULE [until YYYY-MM-DD] [reason]", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_AfterStickyNoteDeletedByHand_NoteRestored()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Lint me", labels: "Notebook");
        await harness.WaitForQuietAsync();
        var deleted = Assert.Single(harness.LintNotes(iid));
        using (var admin = harness.Simulator.CreateClient())
        {
            (await admin.DeleteAsync($"/api/v4/projects/{harness.ProjectId}/issues/{iid}/notes/{deleted.Id}")).EnsureSuccessStatusCode();
        }

        Assert.Empty(harness.LintNotes(iid));
        await harness.CommentAsync(iid, $"{Bot} lint", "reporter-user");
        await harness.WaitForQuietAsync();

        var restored = Assert.Single(harness.LintNotes(iid));
        Assert.NotEqual(deleted.Id, restored.Id);
    }

    [Fact]
    public async Task Commands_InCodeBlocksAndQuotes_Ignored()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Quote me", labels: "Extract");
        await harness.WaitForQuietAsync();
        var before = Assert.Single(harness.LintNotes(iid)).Body;

        await harness.CommentAsync(iid, $"To waive, write:\n\n```\n{Bot} waive type-label\n```\n\n> {Bot} waive type-label\n\nor `{Bot} help`", "developer-user");
        await harness.WaitForQuietAsync();

        Assert.Empty(await harness.Store.LintNotes.ListActiveWaiversAsync(harness.ProjectId, iid, new DateOnly(2030, 1, 1)));
        Assert.Equal(before, Assert.Single(harness.LintNotes(iid)).Body);
    }
}

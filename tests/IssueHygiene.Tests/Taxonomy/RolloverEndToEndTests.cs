using System.Globalization;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary>
/// <c>sprint-overdue</c> with action fix, through <c>sweep</c> against the simulator: open issues left in a past sprint
/// move on with <c>/milestone</c>; closed and exempted issues are never touched; every move counts against the budget.
/// </summary>
public sealed class RolloverEndToEndTests
{
    private const string CommentAction = "sprint-overdue:           { severity: warning, action: comment, rollover: current }";

    private static string RulesWithRollover(TaxonomyHarness harness, string rollover) =>
        harness.RulesFile(text => text.Replace(CommentAction, $"sprint-overdue:           {{ severity: warning, action: fix, rollover: {rollover} }}", StringComparison.Ordinal));

    private static (string Title, long Id) PastSprint(TaxonomyHarness harness)
    {
        var oldest = harness.Simulator.Handbook!.SprintMilestoneIds.MinBy(s => s.Key);
        return (oldest.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), oldest.Value);
    }

    private static string CurrentSprint(TaxonomyHarness harness)
    {
        var today = DateOnly.FromDateTime(harness.Time.GetUtcNow().UtcDateTime);
        return harness.Simulator.Handbook!.SprintMilestoneIds.Keys.Where(d => d >= today).Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // Everything else about these issues is in order, so the overdue sprint is their only finding.
    private static Task<(long ProjectId, long Iid)> CreateOverdueIssueAsync(TaxonomyHarness harness, string extraLabels = "") =>
        harness.CreateIssueAsync("flow::Doing,Bug,Extract" + extraLabels, PastSprint(harness).Id);

    [Fact]
    public async Task Sweep_SprintOverdueFix_MovesOpenIssuesToTheCurrentSprintAndLeavesClosedAndExemptAlone()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var past = PastSprint(harness).Title;
        var open = await CreateOverdueIssueAsync(harness);
        var exempt = await CreateOverdueIssueAsync(harness, ",hygiene::ignore");
        var closed = await CreateOverdueIssueAsync(harness);
        await harness.SendAsync(HttpMethod.Put, $"api/v4/projects/{closed.ProjectId}/issues/{closed.Iid}", new() { ["state_event"] = "close" });
        var configuration = harness.Configuration(dryRun: false, rulesPath: RulesWithRollover(harness, "current"));
        var untouchedBefore = harness.Simulator.State.Issue(exempt.ProjectId, exempt.Iid)!.UpdatedAt;

        var (exit, output, error) = await harness.RunAsync(configuration, "sweep", "--group", harness.GroupPath);

        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, output + error);
        Assert.Equal(CurrentSprint(harness), harness.Simulator.State.Issue(open.ProjectId, open.Iid)!.MilestoneTitle);
        var note = Assert.Single(harness.Simulator.State.Notes(open.ProjectId, open.Iid), n => LintNote.IsLintNote(n.Body));
        Assert.Contains("sprint-overdue", note.Body, StringComparison.Ordinal);
        Assert.Contains(past, note.Body, StringComparison.Ordinal);

        Assert.Equal(past, harness.Simulator.State.Issue(exempt.ProjectId, exempt.Iid)!.MilestoneTitle);
        Assert.Equal(untouchedBefore, harness.Simulator.State.Issue(exempt.ProjectId, exempt.Iid)!.UpdatedAt);
        Assert.DoesNotContain(harness.Simulator.State.Notes(exempt.ProjectId, exempt.Iid), n => !n.System);
        Assert.Equal(past, harness.Simulator.State.Issue(closed.ProjectId, closed.Iid)!.MilestoneTitle);
        Assert.DoesNotContain(harness.Simulator.State.Notes(closed.ProjectId, closed.Iid), n => !n.System);

        var writes = harness.NonGetRequests();
        var second = await harness.RunAsync(configuration, "sweep", "--group", harness.GroupPath);
        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Contains(" 0 writes,", second.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_SprintOverdueFixWithBacklogRollover_MovesToBacklogOnlyWorkNotInFlow()
    {
        // Backlog is for what "is not a priority yet": work in flow (here flow::Doing) moves to the current sprint.
        await using var harness = await TaxonomyHarness.StartAsync();
        var triage = await harness.CreateIssueAsync("flow::Triage,Bug,Extract", PastSprint(harness).Id);
        var doing = await CreateOverdueIssueAsync(harness);

        var (_, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: RulesWithRollover(harness, "backlog")), "sweep");

        Assert.True(harness.Simulator.State.Issue(triage.ProjectId, triage.Iid)!.MilestoneTitle == "Backlog", output + error);
        Assert.Equal(CurrentSprint(harness), harness.Simulator.State.Issue(doing.ProjectId, doing.Iid)!.MilestoneTitle);
    }

    [Fact]
    public async Task Sweep_SprintOverdueFixBeyondTheWriteBudget_MovesOnlyWhatTheBudgetAllows()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var issues = new[] { await CreateOverdueIssueAsync(harness), await CreateOverdueIssueAsync(harness), await CreateOverdueIssueAsync(harness) };
        var writesBefore = harness.NonGetRequests();

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: RulesWithRollover(harness, "current"), maxWrites: 2), "sweep");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("write budget", error, StringComparison.Ordinal);
        Assert.Equal(2, issues.Count(i => harness.Simulator.State.Issue(i.ProjectId, i.Iid)!.MilestoneTitle == CurrentSprint(harness)));
        // Each move is one write: the lint note with its /milestone quick action in the same POST.
        Assert.Equal(2, harness.NonGetRequests() - writesBefore);
    }

    [Fact]
    public async Task Report_SprintOverdueFix_PlansTheMoveAndWritesNothing()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var issue = await CreateOverdueIssueAsync(harness);
        var writesBefore = harness.NonGetRequests();

        var (exit, output, _) = await harness.RunAsync(harness.Configuration(dryRun: false, rulesPath: RulesWithRollover(harness, "current")), "report", "--format", "json");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Equal(writesBefore, harness.NonGetRequests());
        Assert.Equal(PastSprint(harness).Title, harness.Simulator.State.Issue(issue.ProjectId, issue.Iid)!.MilestoneTitle);
        Assert.Contains($"/milestone %\\\"{CurrentSprint(harness)}\\\"", output, StringComparison.Ordinal);
    }
}

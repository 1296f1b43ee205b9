using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

/// <summary>Run history, current findings, waivers in force and summary issues: the same answers on every backend.</summary>
public abstract class TrackerHealthContract : StoreTestBase
{
    private ITrackerHealth Health => Store.Health;

    private static HealthRun Run(string id, DateTimeOffset at, string scope = "group:meltano", bool dryRun = false) =>
        new(id, scope, at, Issues: 10, Findings: 3, Writes: 2, "note-create=2", dryRun, BudgetExhausted: false);

    private static CurrentFinding Finding(long iid, string rule, string? title = "A title") =>
        new(7, iid, rule, "error", "meltano/meltano", "douwe", $"https://gitlab.example.com/meltano/meltano/-/issues/{iid}", title);

    [Fact]
    public async Task RecordRunAsync_RunsAndTotalsReadBackNewestFirstAndByTime()
    {
        await Health.RecordRunAsync(Run("r1", Start), [new HealthTotal("milestone-required", "meltano/meltano", "douwe", "error", 2), new HealthTotal("type-label", "meltano/meltano", "", "warning", 1)]);
        await Health.RecordRunAsync(Run("r2", Start.AddDays(1), dryRun: true), [new HealthTotal("milestone-required", "meltano/meltano", "douwe", "error", 1)]);
        await Health.RecordRunAsync(Run("x1", Start.AddDays(1), scope: "group:other"), []);

        var runs = await Health.ListRunsAsync("group:meltano", 10);
        Assert.Equal(["r2", "r1"], runs.Select(r => r.Id));
        Assert.Equal(Run("r2", Start.AddDays(1), dryRun: true), runs[0]);
        Assert.Equal(3, (await Health.ListRunsAsync(null, 10)).Count);
        Assert.Single(await Health.ListRunsAsync(null, 1));

        var totals = await Health.ListTotalsAsync(Start);
        Assert.Equal(["r1", "r1", "r2"], totals.Select(t => t.RunId));
        Assert.Equal(new HealthTotal("type-label", "meltano/meltano", "", "warning", 1), totals[1].Total);
        Assert.Equal(Start.AddDays(1), totals[2].FinishedAt);
        Assert.Single(await Health.ListTotalsAsync(Start.AddHours(1)));
        Assert.Equal(2, (await Health.ListRunTotalsAsync("r1")).Count);
    }

    [Fact]
    public async Task RecordRunAsync_SameIdTwice_ReplacesIt_AndPruneForgetsOldRuns()
    {
        await Health.RecordRunAsync(Run("r1", Start), [new HealthTotal("type-label", "p", "", "warning", 5)]);
        await Health.RecordRunAsync(Run("r1", Start), [new HealthTotal("type-label", "p", "", "warning", 4)]);
        await Health.RecordRunAsync(Run("r2", Start.AddDays(40)), []);

        Assert.Equal(4, Assert.Single(await Health.ListRunTotalsAsync("r1")).Count);
        Assert.Equal(1, await Health.PruneRunsAsync(Start.AddDays(30)));
        Assert.Equal(["r2"], (await Health.ListRunsAsync(null, 10)).Select(r => r.Id));
        Assert.Empty(await Health.ListRunTotalsAsync("r1"));
    }

    [Fact]
    public async Task ReplaceCurrentFindingsAsync_TwoReplicasRecordTheSameIssueAtOnce_NeitherFails()
    {
        // The sweep on one replica and a webhook worker on another record the same issue at the same moment.
        var sweep = await OpenAsync();
        var worker = await OpenAsync();
        for (var i = 0; i < 30; i++)
        {
            using var start = new ManualResetEventSlim();
            var findings = new[] { new IssueFindings(7, i, [Finding(i, "milestone-required"), Finding(i, "flow-label-required")]) };
            var a = Task.Run(async () => { start.Wait(); await sweep.Health.ReplaceCurrentFindingsAsync(findings, Start); });
            var b = Task.Run(async () => { start.Wait(); await worker.Health.ReplaceCurrentFindingsAsync(findings, Start.AddSeconds(1)); });
            start.Set();
            await Task.WhenAll(a, b);
        }

        var current = await Health.ListCurrentFindingsAsync();
        Assert.Equal(60, current.Count);
        Assert.All(current.GroupBy(f => f.IssueIid), issue => Assert.Equal(2, issue.Count()));
    }

    [Fact]
    public async Task ReplaceCurrentFindingsAsync_CountsWhatAppearedAndWent_AndUnseenIssuesAreRemoved()
    {
        var first = await Health.ReplaceCurrentFindingsAsync(
            [new IssueFindings(7, 1, [Finding(1, "milestone-required"), Finding(1, "type-label")]), new IssueFindings(7, 2, [Finding(2, "type-label", title: null)])], Start);
        Assert.Equal(new FindingChanges(3, 0), first);

        var later = Start.AddHours(1);
        var second = await Health.ReplaceCurrentFindingsAsync([new IssueFindings(7, 1, [Finding(1, "type-label"), Finding(1, "stage-label")]), new IssueFindings(7, 3, [])], later);
        Assert.Equal(new FindingChanges(1, 1), second);

        var current = await Health.ListCurrentFindingsAsync();
        Assert.Equal([(1L, "stage-label"), (1L, "type-label"), (2L, "type-label")], current.Select(f => (f.IssueIid, f.Rule)));
        Assert.Null(current[2].Title);
        Assert.Equal("https://gitlab.example.com/meltano/meltano/-/issues/1", current[0].WebUrl);

        // A full sweep that met issue 1 but not issue 2 (closed since): issue 2's finding goes.
        Assert.Equal(1, await Health.RemoveUnseenFindingsAsync([7], later));
        Assert.Equal(0, await Health.RemoveUnseenFindingsAsync([8], later.AddDays(1)));
        Assert.Equal([1L, 1L], (await Health.ListCurrentFindingsAsync()).Select(f => f.IssueIid));
    }

    [Fact]
    public async Task ListWaiversInForceAsync_SoonestExpiryFirst_ExpiredLeftOut()
    {
        var today = new DateOnly(2026, 3, 2);
        await Store.LintNotes.UpsertWaiverAsync(new Waiver(7, 1, "type-label", null, "forever", "douwe", Start));
        await Store.LintNotes.UpsertWaiverAsync(new Waiver(7, 2, "type-label", today.AddDays(5), "soon", "douwe", Start));
        await Store.LintNotes.UpsertWaiverAsync(new Waiver(7, 3, "type-label", today.AddDays(-1), "over", "douwe", Start));
        await Store.LintNotes.UpsertWaiverAsync(new Waiver(7, 4, "stage-label", today, "today", "taylor", Start));

        var waivers = await Health.ListWaiversInForceAsync(today, 10);

        Assert.Equal([4L, 2L, 1L], waivers.Select(w => w.IssueIid));
        Assert.Equal(today, waivers[0].Until);
        Assert.Null(waivers[2].Until);
        Assert.Equal(2, (await Health.ListWaiversInForceAsync(today, 2)).Count);
    }

    [Fact]
    public async Task SummaryIssue_RememberedPerScopeAndMovedWhenRecreated()
    {
        Assert.Null(await Health.GetSummaryIssueAsync("group:meltano"));

        await Health.RememberSummaryIssueAsync(new SummaryIssueRecord("group:meltano", 7, 12, "https://gitlab.example.com/m/-/issues/12", Start));
        await Health.RememberSummaryIssueAsync(new SummaryIssueRecord("group:meltano", 7, 15, null, Start.AddDays(1)));

        Assert.Equal(new SummaryIssueRecord("group:meltano", 7, 15, null, Start.AddDays(1)), await Health.GetSummaryIssueAsync("group:meltano"));
        Assert.Null(await Health.GetSummaryIssueAsync("group:other"));
    }
}

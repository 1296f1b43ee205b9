using IssueHygiene.Core.Summary;
using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Sweep;

/// <summary>The summary issue against the simulator: previewed in a dry run, created once, then edited in place.</summary>
[Trait("Category", "Slow")]
public sealed class SummaryIssueEndToEndTests
{
    [Fact]
    public async Task Sweeps_PreviewWritesNothing_ThenOneSummaryIssueCreatedOnceAndEditedInPlace()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40);
        var dryRun = harness.Configuration(dryRun: true);
        var live = harness.Configuration(dryRun: false);
        dryRun.Remove("Summary:Enabled");
        live.Remove("Summary:Enabled");
        var preview = Path.GetTempFileName();

        var (_, _, previewErr) = await harness.RunAsync(dryRun, "report", "--summary-preview", preview, "--report", Path.GetTempFileName());
        Assert.Equal(0, harness.NonGetRequests(attempted: true));
        Assert.Contains(SummaryIssueMarker.For("group:" + harness.GroupPath), await File.ReadAllTextAsync(preview), StringComparison.Ordinal);
        Assert.Contains("would be created", previewErr, StringComparison.Ordinal);

        var (exit, _, firstErr) = await harness.RunAsync(live, "sweep");
        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, firstErr);
        var summaries = SummaryIssues(harness);
        var created = Assert.Single(summaries);
        Assert.Equal($"Issue hygiene: {harness.GroupPath}", created.Title);
        Assert.Contains("hygiene::ignore", created.Labels);
        Assert.Contains("**Since the previous run**", created.Description, StringComparison.Ordinal);
        Assert.Contains("created", firstErr, StringComparison.Ordinal);

        var writesBefore = harness.NonGetRequests();
        var (_, _, secondErr) = await harness.RunAsync(live, "sweep");
        var edited = Assert.Single(SummaryIssues(harness));
        Assert.Equal((created.ProjectId, created.Iid), (edited.ProjectId, edited.Iid));
        Assert.Equal(writesBefore + 1, harness.NonGetRequests());
        Assert.Matches(@"\*\*Since the previous run\*\* \(.+\): \*\*\d+\*\* new, \*\*[1-9]\d*\*\* resolved", edited.Description);
        Assert.Contains("updated", secondErr, StringComparison.Ordinal);
    }

    private static List<GitLabSimulator.IssueView> SummaryIssues(SweepHarness harness) =>
        [.. harness.Simulator.State.Issues().Where(i => i.Description?.Contains("<!-- issue-hygiene:summary ", StringComparison.Ordinal) == true)];
}

using IssueHygiene.Core.Rendering;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>
/// The sweep over the simulator's seeded merge requests (SimulatedGitLab.SeededMergeRequestTitles, iid = index + 1):
/// 1 self-merged code, 2 self-merged typo fix (trivial), 3 community merged by a non-expert, 4 community merged by the
/// expert, 5 draft, 6 open without reviewer, 7 open and reviewed, 8 merged properly.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MergeRequestSweepEndToEndTests
{
    private static long Project(SweepHarness h) => h.Simulator.Handbook!.Projects[0].Id;

    private static List<string> StickyNotes(SweepHarness h, long iid) =>
        [.. h.Simulator.MergeRequestNotes(Project(h), iid).Where(n => LintNote.IsLintNote(n.Body)).Select(n => n.Body)];

    [Fact]
    public async Task Sweep_DryRun_ReportsMergeRequestFindingsAndWritesNothing()
    {
        await using var h = await SweepHarness.StartAsync(issues: 0, mergeRequests: true);
        var report = Path.Combine(Path.GetTempPath(), $"mr-report-{Guid.NewGuid():N}.md");

        var (exit, _, error) = await h.RunAsync(h.Configuration(dryRun: true), "sweep", "--report", report, "--format", "md");

        Assert.True(exit == 1, error);
        Assert.Equal(0, h.NonGetRequests(attempted: true));
        var markdown = await File.ReadAllTextAsync(report);
        File.Delete(report);
        Assert.Contains("## Merge requests", markdown, StringComparison.Ordinal);
        Assert.Contains("`mr-self-merged`", markdown, StringComparison.Ordinal);
        Assert.Contains("`mr-community-expert-merge`", markdown, StringComparison.Ordinal);
        Assert.Contains("`mr-reviewer-required`", markdown, StringComparison.Ordinal);
        Assert.Contains("would write", markdown, StringComparison.Ordinal);
        Assert.Contains("8 merge requests (3 with findings)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_Live_OneStickyNotePerMergeRequestWithFindings_DiffsOnlyWhenNeeded_EditedInPlaceWhenFixed()
    {
        await using var h = await SweepHarness.StartAsync(issues: 0, mergeRequests: true);

        await h.RunAsync(h.Configuration(dryRun: false), "sweep");

        Assert.Contains("mr-self-merged", Assert.Single(StickyNotes(h, 1)), StringComparison.Ordinal);
        Assert.Empty(StickyNotes(h, 2));                       // a self-merged typo fix is trivial
        Assert.Contains("mr-community-expert-merge", Assert.Single(StickyNotes(h, 3)), StringComparison.Ordinal);
        Assert.Empty(StickyNotes(h, 4));                       // merged by the expert
        Assert.Empty(StickyNotes(h, 5));                       // draft
        Assert.Contains("mr-reviewer-required", Assert.Single(StickyNotes(h, 6)), StringComparison.Ordinal);
        Assert.Empty(StickyNotes(h, 7));
        Assert.Empty(StickyNotes(h, 8));
        // One diffs request per MR a rule needed the paths of (1, 2 self-merged; 6 open without reviewer), none else.
        var diffs = h.Simulator.RequestLog.Entries.Where(e => e.Path.EndsWith("/diffs", StringComparison.Ordinal)).Select(e => e.Path).ToList();
        Assert.Equal(3, diffs.Count);
        Assert.DoesNotContain(h.Simulator.RequestLog.Entries, e => e.Path.EndsWith("/changes", StringComparison.Ordinal));

        // Nothing changed: a second sweep writes nothing.
        var writes = h.NonGetRequests();
        await h.RunAsync(h.Configuration(dryRun: false), "sweep");
        Assert.Equal(writes, h.NonGetRequests());

        // A reviewer is assigned: the next sweep edits the same note to resolved.
        using var client = h.Simulator.CreateClient();
        using var response = await client.PutAsync(
            $"api/v4/projects/{Project(h)}/merge_requests/6?reviewer_ids={h.Simulator.State.UserId(GitLabSimulator.Seeding.SeededUsers.Maintainer)}", null);
        Assert.True(response.IsSuccessStatusCode);
        await h.RunAsync(h.Configuration(dryRun: false), "sweep");
        Assert.Contains("all resolved", Assert.Single(StickyNotes(h, 6)), StringComparison.Ordinal);
    }
}

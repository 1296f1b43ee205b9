using System.Text.RegularExpressions;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>
/// The sweep over the simulator's seeded merge requests (SimulatedGitLab.SeededMergeRequestTitles, iid = index + 1):
/// 1 self-merged code, 2 self-merged typo fix (trivial), 3 community merged by a non-expert, 4 community merged by the
/// expert, 5 draft, 6 open without reviewer, 7 open and reviewed, 8 merged properly.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class MergeRequestSweepEndToEndTests
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

    [Fact]
    public async Task Sweep_Live_ExecutesExactlyTheWritesTheDryRunPlanned()
    {
        await using var h = await SweepHarness.StartAsync(issues: 0, mergeRequests: true);

        // First sweep: the sticky notes are created.
        var (planned, executed, logged) = await DryRunThenLiveAsync(h);
        Assert.Equal(3, planned.Count(r => r.Method == "POST"));
        Assert.Equal(planned, executed);
        // The listing is fresh and no other writer touched the MRs: no MR's notes are listed again under the write lock.
        var noteLists = h.Simulator.RequestLog.Entries.Skip(logged).Where(e => e.Method == "GET" && MergeRequestNotesPath().IsMatch(e.Path)).ToList();
        Assert.Equal(noteLists.Count, noteLists.Select(e => e.Path).Distinct().Count());

        // A reviewer is assigned to !6: the next sweep plans one edit (the note resolved) and makes exactly that.
        using (var client = h.Simulator.CreateClient())
        using (var response = await client.PutAsync(
            $"api/v4/projects/{Project(h)}/merge_requests/6?reviewer_ids={h.Simulator.State.UserId(GitLabSimulator.Seeding.SeededUsers.Maintainer)}", null))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        (planned, executed, _) = await DryRunThenLiveAsync(h);
        var edit = Assert.Single(planned);
        Assert.Equal("PUT", edit.Method);
        Assert.StartsWith($"/api/v4/projects/{Project(h)}/merge_requests/6/notes/", edit.Path, StringComparison.Ordinal);
        Assert.Equal(planned, executed);
    }

    /// <summary>
    /// A dry-run sweep then a live one: the requests the dry run's audit entries stand for, and the non-GET MR requests
    /// the live sweep made (both sorted), and where the simulator's request log stood before the live sweep.
    /// </summary>
    private static async Task<(List<(string Method, string Path)> Planned, List<(string Method, string Path)> Executed, int Logged)> DryRunThenLiveAsync(SweepHarness h)
    {
        var before = await DryRunAuditAsync(h);
        var (dryExit, _, dryError) = await h.RunAsync(h.Configuration(dryRun: true), "sweep");
        Assert.True(dryExit is 0 or 1, dryError);
        var planned = (await DryRunAuditAsync(h)).Skip(before.Count).Select(e => PlannedRequest(Project(h), e)).Order().ToList();

        var logged = h.Simulator.RequestLog.Entries.Count;
        var (exit, _, error) = await h.RunAsync(h.Configuration(dryRun: false), "sweep");
        Assert.True(exit is 0 or 1, error);
        var executed = h.Simulator.RequestLog.Entries.Skip(logged)
            .Where(e => e.Method != "GET" && e.Path.Contains("/merge_requests/", StringComparison.Ordinal))
            .Select(e => (e.Method, e.Path)).Order().ToList();
        return (planned, executed, logged);
    }

    private static async Task<List<AuditEntry>> DryRunAuditAsync(SweepHarness h)
    {
        await using var store = HygieneStoreFactory.Create(new StorageOptions { ConnectionString = $"Data Source={h.StorePath}" }, TimeProvider.System);
        await store.InitializeAsync();
        var records = await store.Audit.QueryAsync(new AuditQuery { Limit = 10_000 });
        return [.. records.OrderBy(r => r.Id).Select(r => r.Entry).Where(e => e.DryRun && e.Detail?.StartsWith("merge request !", StringComparison.Ordinal) == true)];
    }

    /// <summary>The request a dry run's audit entry stands for ("merge request !6: note 12" names the MR and the note).</summary>
    private static (string Method, string Path) PlannedRequest(long projectId, AuditEntry entry)
    {
        var match = AuditDetail().Match(entry.Detail!);
        var path = $"/api/v4/projects/{projectId}/merge_requests/{match.Groups["iid"].Value}";
        return entry.Kind switch
        {
            WriteKind.NoteCreate or WriteKind.QuickActions => ("POST", path + "/notes"),
            WriteKind.NoteEdit => ("PUT", path + "/notes/" + match.Groups["note"].Value),
            WriteKind.NoteDelete => ("DELETE", path + "/notes/" + match.Groups["note"].Value),
            WriteKind.RestUpdate => ("PUT", path),
            var kind => throw new InvalidOperationException("unknown write kind " + kind),
        };
    }

    [GeneratedRegex(@"^merge request !(?<iid>\d+): (note (?<note>\d+))?")]
    private static partial Regex AuditDetail();

    [GeneratedRegex(@"^/api/v4/projects/\d+/merge_requests/\d+/notes$")]
    private static partial Regex MergeRequestNotesPath();
}

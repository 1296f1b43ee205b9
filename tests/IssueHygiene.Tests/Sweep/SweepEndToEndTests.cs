using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy.Loading;
using IssueHygiene.GitLabSimulator;

namespace IssueHygiene.Tests.Sweep;

/// <summary>Whole sweeps against the GitLab simulator: notes, fixes, convergence, dry run, budget, faults.</summary>
[Trait("Category", "Slow")]
public sealed class SweepEndToEndTests
{
    private static readonly Evaluator Evaluator = new(RuleSetLoader.Load(File.ReadAllText(CliRunner.Repo("rules/handbook.yml")), "handbook.yml").RuleSet!);

    private static IssueSnapshot Snapshot(IssueView issue, SimulatedGitLab simulator) => new()
    {
        ProjectId = issue.ProjectId,
        Iid = issue.Iid,
        State = issue.State == "opened" ? IssueState.Opened : IssueState.Closed,
        Labels = issue.Labels,
        Milestone = issue.MilestoneTitle is { } title ? new MilestoneRef(issue.MilestoneId ?? 0, title) : null,
        Assignees = [.. issue.AssigneeUsernames.Select(u => new UserRef(1, u))],
        CreatedAt = issue.CreatedAt,
    };

    [Fact]
    public async Task Sweep_Live_OneStickyNotePerOffenderFixesAppliedAndSecondSweepWritesNothing()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 150);
        var before = harness.Simulator.State.Issues().Where(i => i.State == "opened").ToList();
        var offenders = before.Where(i => Evaluator.Evaluate(Snapshot(i, harness.Simulator), DateTimeOffset.UtcNow).Violations.Any(v => v.InLintNote))
            .Select(i => (i.ProjectId, i.Iid)).ToHashSet();
        Assert.NotEmpty(offenders);

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, error);
        var notes = harness.LintNoteCounts();
        Assert.All(offenders, o => Assert.Equal(1, notes[o]));
        Assert.All(notes.Where(n => !offenders.Contains(n.Key)), n => Assert.Equal(0, n.Value));
        var after = harness.Simulator.State.Issues().Where(i => i.State == "opened").ToList();
        Assert.DoesNotContain(after, i => Evaluator.Evaluate(Snapshot(i, harness.Simulator), DateTimeOffset.UtcNow).Violations
            .Any(v => v.Rule is "milestone-required" or "flow-label-required"));

        var writesBefore = harness.NonGetRequests();
        var second = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");
        Assert.Equal(writesBefore, harness.NonGetRequests());
        Assert.Contains(" 0 writes,", second.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DryRun_MakesNoRequestOtherThanGetAndShowsPlannedWrites()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 80);
        var reportFile = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "report", "--report", reportFile, "--format", "json");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Equal(0, harness.NonGetRequests(attempted: true));
        var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(reportFile));
        Assert.True(json.RootElement.GetProperty("totals").GetProperty("writes").GetInt32() > 0, error);
        Assert.Contains(json.RootElement.GetProperty("issues").EnumerateArray(),
            i => i.GetProperty("plannedWrites").EnumerateArray().Any(w => w.GetProperty("kind").GetString() == "note-create"));
    }

    [Fact]
    public async Task Sweep_DryRunIsTheDefaultConfiguration()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40);
        var configuration = harness.Configuration(dryRun: false);
        configuration.Remove("DryRun");

        var (_, _, error) = await harness.RunAsync(configuration, "sweep");

        Assert.Equal(0, harness.NonGetRequests(attempted: true));
        Assert.Contains("dry run: none made", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WriteBudgetReached_StopsWritingAndExitsOne()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 120);

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false, maxWrites: 5), "sweep");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.InRange(harness.NonGetRequests(), 1, 5);
        Assert.Contains("write budget", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_HumanFixesTheIssue_NextSweepResolvesItsNote()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 60);
        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");
        var (projectId, iid) = harness.LintNoteCounts().First(n => n.Value == 1).Key;

        // A maintainer puts the issue in order: a sprint milestone, a flow label, one type, one stage, an assignee.
        using var admin = harness.Simulator.CreateClient();
        var sprint = harness.Simulator.State.Milestones().Where(m => m.DueDate > DateOnly.FromDateTime(DateTime.UtcNow)).OrderBy(m => m.DueDate).First();
        var maintainerId = harness.Simulator.State.UserId("maintainer-user")!.Value;
        var response = await admin.PutAsync(
            $"/api/v4/projects/{projectId}/issues/{iid}?labels={Uri.EscapeDataString("flow::Doing,Bug,Extract")}&milestone_id={sprint.Id}&assignee_ids[]={maintainerId}",
            null);
        response.EnsureSuccessStatusCode();

        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        var note = Assert.Single(harness.Simulator.State.Notes(projectId, iid), n => Core.Rendering.LintNote.IsLintNote(n.Body));
        Assert.Contains("all resolved", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WithFaultsAndRateLimitsInjected_EndsInTheSameTrackerAsWithout()
    {
        await using var clean = await SweepHarness.StartAsync(issues: 60, seed: 11);
        // 10% of requests fail (5xx, hang past the client's timeout, dropped connection), and GitLab allows 6
        // requests a minute — on a clock 30x fast, so its 429 windows pass in 2 real seconds.
        await using var faulty = await SweepHarness.StartAsync(issues: 60, seed: 11, simulatorTime: new AcceleratedTimeProvider(30),
            knobs: new SimulatorKnobsSettings
            {
                FaultRate = 0.10,
                FaultKinds = FaultKinds.ServerErrors | FaultKinds.Hang | FaultKinds.DropConnection,
                HangDuration = TimeSpan.FromSeconds(3),
                RequestsPerMinute = 6,
            });
        var configuration = faulty.Configuration(dryRun: false);
        configuration["GitLab:MaxRetryAfter"] = "00:00:02";
        configuration["GitLab:MaxRateLimitRetries"] = "10";

        await clean.RunAsync(clean.Configuration(dryRun: false), "sweep");
        // Faults can fail a page (the sweep then fails loudly, and the next run resumes after its last page) or a note
        // POST (never retried blindly; a later full run looks at the issue again): sweep until done.
        var exits = new List<int>();
        var lastError = "";
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var (exit, _, error) = await faulty.RunAsync(configuration, "sweep");
            exits.Add(exit);
            lastError = error;
            if (exit != ExitCodes.Failed && Summary(faulty) == Summary(clean))
            {
                break;
            }
        }

        Assert.Contains(faulty.Simulator.RequestLog.Entries, e => e.Status == 429);
        // Faults were injected: a 5xx, or a hang or dropped connection (logged with status 0). Since a sweep no longer
        // reads each issue again before writing, a run makes few enough requests that any one kind may not come up.
        Assert.Contains(faulty.Simulator.RequestLog.Entries, e => e.Status >= 500 || e.Status == 0);
        var differing = Summary(clean).Split('\n').Except(Summary(faulty).Split('\n')).Select(l => l.Split(' ')[0]).ToList();
        Assert.True(differing.Count == 0, $"after sweeps exiting {string.Join(", ", exits)}, differs from the fault-free run: {string.Join(", ", differing)}\nlast run's stderr (tail): {lastError[Math.Max(0, lastError.Length - 1500)..]}\n" + string.Join("\n",
            faulty.Simulator.RequestLog.Entries.Where(e => differing.Any(d => e.Path.Contains($"/projects/{d.Split('#')[0]}/issues/{d.Split('#')[1]}", StringComparison.Ordinal)))
                .Select(e => $"{e.Method} {e.Path} {e.Status}")));
        Assert.Equal(Summary(clean), Summary(faulty));
        Assert.All(faulty.LintNoteCounts().Values, count => Assert.InRange(count, 0, 1));
    }

    private static string Summary(SweepHarness harness) => string.Join("\n", harness.Simulator.State.Issues()
        .OrderBy(i => i.ProjectId).ThenBy(i => i.Iid)
        .Select(i => $"{i.ProjectId}#{i.Iid} {i.MilestoneTitle} [{string.Join(",", i.Labels)}] notes={harness.LintNoteCounts()[(i.ProjectId, i.Iid)]}"));

    [Fact]
    public async Task Sweep_KilledMidwayAndRestarted_FinishesWithoutDoubleWrites()
    {
        await using var reference = await SweepHarness.StartAsync(issues: 120, seed: 5);
        await reference.RunAsync(reference.Configuration(dryRun: false), "sweep");
        await using var harness = await SweepHarness.StartAsync(issues: 120, seed: 5, knobs: new SimulatorKnobsSettings { Latency = TimeSpan.FromMilliseconds(15) });

        using var kill = new CancellationTokenSource();
        var interrupted = harness.RunAsync(harness.Configuration(dryRun: false), kill.Token, "sweep");
        await Eventually.AssertAsync(() => harness.NonGetRequests() >= 10, TimeSpan.FromSeconds(60), "the sweep made ten writes");

        await kill.CancelAsync();
        var (firstExit, _, firstError) = await interrupted;
        var writtenBeforeKill = harness.NonGetRequests();
        var (_, _, resumeError) = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.Equal(ExitCodes.Failed, firstExit);
        Assert.Contains("interrupted", firstError, StringComparison.Ordinal);
        Assert.Contains("resuming an interrupted run", resumeError, StringComparison.Ordinal);
        Assert.Equal(Summary(reference), Summary(harness));
        Assert.Equal(reference.NonGetRequests(), harness.NonGetRequests());
        Assert.InRange(writtenBeforeKill, 10, reference.NonGetRequests() - 1);
    }

    [Fact]
    public async Task SweepIncremental_OnlyChangedIssuesAndSprintsThatEndedSinceTheLastSweep()
    {
        // One clock for GitLab and IssueHygiene, so a week can pass in a test.
        var clock = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SweepHarness.StartAsync(issues: 150, seed: 3, time: clock);
        var full = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep", "--format", "json", "--report", Path.GetTempFileName());
        Assert.True(full.Exit is ExitCodes.Clean or ExitCodes.Violations, full.Err);
        var openIssues = harness.Simulator.State.Issues().Count(i => i.State == "opened");
        clock.Advance(TimeSpan.FromHours(1));

        // A person removes a milestone: only that issue changed.
        var changed = harness.Simulator.State.Issues().First(i => i.State == "opened" && i.MilestoneTitle == "Backlog" && !i.Labels.Contains("hygiene::ignore"));
        using var admin = harness.Simulator.CreateClient();
        (await admin.PutAsync($"/api/v4/projects/{changed.ProjectId}/issues/{changed.Iid}?milestone_id=0", null)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(5));
        var writesBefore = harness.NonGetRequests();

        var reportFile = Path.GetTempFileName();
        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep", "--incremental", "--report", reportFile, "--format", "json");

        Assert.Equal("Backlog", harness.Simulator.State.Issue(changed.ProjectId, changed.Iid)!.MilestoneTitle);
        Assert.InRange(harness.NonGetRequests() - writesBefore, 1, 2);
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(reportFile));
        var checkedCount = report.RootElement.GetProperty("totals").GetProperty("issues").GetInt32();
        Assert.InRange(checkedCount, 1, openIssues - 1);

        // A week later the current sprint (2026-11-27) is over; its issues did not change, yet they are checked.
        clock.Advance(TimeSpan.FromDays(7));
        var inEndedSprint = harness.Simulator.State.Issues()
            .Where(i => i.State == "opened" && i.MilestoneTitle == "2026-11-27" && !i.Labels.Contains("hygiene::ignore")).ToList();
        Assert.NotEmpty(inEndedSprint);
        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep", "--incremental");

        Assert.All(inEndedSprint, i => Assert.Contains(
            harness.Simulator.State.Notes(i.ProjectId, i.Iid),
            n => Core.Rendering.LintNote.IsLintNote(n.Body) && n.Body.Contains("sprint-overdue", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Report_SeveralFiles_FormatFollowsTheExtension()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 30);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var markdown = Path.Combine(folder, "hygiene.md");
        var junit = Path.Combine(folder, "hygiene.xml");

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: true), "report", "--report", markdown, "--report", junit);

        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, error);
        Assert.StartsWith("# Issue hygiene report", await File.ReadAllTextAsync(markdown), StringComparison.Ordinal);
        var xml = System.Xml.Linq.XDocument.Parse(await File.ReadAllTextAsync(junit));
        Assert.Equal("issue-hygiene", xml.Root!.Element("testsuite")!.Attribute("name")!.Value);
    }

    [Fact]
    public async Task Sweep_ExemptAndNewIssues_AreLeftAloneWhileAnOldOffenderIsFixed()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 1);
        var project = harness.Simulator.Handbook!.Projects[0].Id;
        using var admin = harness.Simulator.CreateClient();
        var old = DateTimeOffset.UtcNow.AddDays(-2).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        async Task<long> CreateAsync(string query)
        {
            var response = await admin.PostAsync($"/api/v4/projects/{project}/issues?{query}", null);
            response.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("iid").GetInt64();
        }

        var exempt = await CreateAsync($"title=Exempt&labels=hygiene::ignore,Bug&created_at={Uri.EscapeDataString(old)}");
        var brandNew = await CreateAsync("title=Just+filed&labels=Bug");
        var offender = await CreateAsync($"title=Old+offender&labels=Bug,Extract&created_at={Uri.EscapeDataString(old)}");

        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.Empty(harness.Simulator.State.Notes(project, exempt));
        Assert.Null(harness.Simulator.State.Issue(project, exempt)!.MilestoneTitle);
        Assert.Empty(harness.Simulator.State.Notes(project, brandNew));
        Assert.Null(harness.Simulator.State.Issue(project, brandNew)!.MilestoneTitle);
        Assert.Single(harness.Simulator.State.Notes(project, offender), n => Core.Rendering.LintNote.IsLintNote(n.Body));
        Assert.Equal("Backlog", harness.Simulator.State.Issue(project, offender)!.MilestoneTitle);
    }
}

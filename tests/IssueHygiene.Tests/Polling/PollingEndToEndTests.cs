using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLab;
using IssueHygiene.Hosting;
using IssueHygiene.Polling;
using IssueHygiene.Serving;
using IssueHygiene.Storage;
using IssueHygiene.Tests.Serve;
using IssueHygiene.Tests.Sweep;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static IssueHygiene.Tests.Polling.PollingTestKit;

namespace IssueHygiene.Tests.Polling;

/// <summary><c>serve</c> with <c>Poll:Interval</c> against the simulator; no webhook registered unless a test says so.</summary>
[Trait("Category", "Slow")]
public sealed class PollingEndToEndTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Poll_IssueOpenedWithoutMilestone_FixedWithinOneInterval()
    {
        // A polling-only installation: no webhook secret at all, so the endpoint refuses every caller.
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(Interval, c => c.Remove("Webhook:Secrets:0")), registerHook: false);
        using (var refused = await WebhookDeliveryClient.PostAsync(harness.Http, "{\"object_kind\":\"issue\"}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var watermarkKey = IssuePoller.WatermarkKey(GroupScope(harness.Simulator));
        Assert.True(await Eventually.HoldsAsync(async () => await harness.Store.Watermarks.GetAsync(watermarkKey) is not null, Patience), "no first poll");

        var iid = await OpenIssueAsync(harness, "Pipeline fails on Mondays", labels: "Bug,Extract");
        var changed = DateTimeOffset.UtcNow;
        var fixedInTime = await Eventually.HoldsAsync(() => harness.Simulator.State.Issue(harness.ProjectId, iid)!.MilestoneTitle == "Backlog", Interval + TimeSpan.FromSeconds(4));

        Assert.True(fixedInTime, "not fixed within one interval (plus processing)");
        var elapsed = DateTimeOffset.UtcNow - changed;
        var issue = harness.Simulator.State.Issue(harness.ProjectId, iid)!;
        Assert.Contains("flow::Triage", issue.Labels);
        var note = Assert.Single(harness.LintNotes(iid));
        Assert.Contains("milestone-required", note.Body, StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.WebhookDeliveries);
        Assert.True(elapsed < Interval + TimeSpan.FromSeconds(4), "took " + elapsed);
    }

    [Fact]
    public async Task Poll_HelpCommentWithoutWebhooks_AnsweredInStickyNoteOnce()
    {
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(TimeSpan.FromMilliseconds(300), c => c.Remove("Webhook:Secrets:0")), registerHook: false);
        var iid = await OpenIssueAsync(harness, "Help me", labels: "Extract");
        Assert.True(await Eventually.HoldsAsync(() => harness.LintNotes(iid).Count == 1, Patience), "no sticky note");

        await harness.CommentAsync(iid, "@issue-hygiene-bot help", "reporter-user");

        Assert.True(await Eventually.HoldsAsync(() => harness.LintNotes(iid).SingleOrDefault()?.Body.Contains("**Answers**", StringComparison.Ordinal) == true, Patience), "the command was not read by the poll");
        var note = Assert.Single(harness.LintNotes(iid)).Body;
        Assert.Contains("@bot waive RULE [until YYYY-MM-DD] [reason]", note, StringComparison.Ordinal);
        // Settled: the note's own edit has been polled and evaluated (queue empty after more polls); from then on, polls write nothing.
        await PollsAsync(harness, 3);
        await harness.WaitForQuietAsync();
        var writes = harness.NonGetRequests();
        await PollsAsync(harness, 5);
        await harness.WaitForQuietAsync();
        Assert.Equal(writes, harness.NonGetRequests());
    }

    [Fact]
    public async Task Poll_CommentWithALeakedTokenWithoutWebhooks_ContainedWithoutBeingAskedTo()
    {
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(TimeSpan.FromMilliseconds(300), c => c.Remove("Webhook:Secrets:0")), registerHook: false);
        var iid = await OpenIssueAsync(harness, "Deploy fails", labels: "Extract");
        Assert.True(await Eventually.HoldsAsync(() => harness.LintNotes(iid).Count == 1, Patience), "no sticky note");

        // A comment that addresses nobody: the handbook's secrets procedure acts on it all the same.
        await harness.CommentAsync(iid, $"here is my config: token={new Secrets.TestSecrets(1907).GitLabToken()}", "reporter-user");

        await Eventually.AssertAsync(() => harness.Simulator.State.Issue(harness.ProjectId, iid)!.Confidential, Patience, "the poll read the comment and the issue was contained");
        Assert.Single(harness.LintNotes(iid));
    }

    [Fact]
    public async Task Poll_BotsOwnWrites_ConvergeToNoFurtherWrites()
    {
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(TimeSpan.FromMilliseconds(300)), registerHook: false);
        var iid = await OpenIssueAsync(harness, "Echo me", labels: "Bug,Extract");
        Assert.True(await Eventually.HoldsAsync(() => harness.LintNotes(iid).Count == 1 && harness.Simulator.State.Issue(harness.ProjectId, iid)!.MilestoneTitle == "Backlog", Patience));

        // The fix bumped updated_at: the next poll queues that version, the worker finds nothing to do, and from then on
        // every poll lists the issue again (overlap window) without queueing it.
        var settled = await Eventually.HoldsAsync(async () => (await harness.Store.Deliveries.GetCountsAsync()).Depth == 0 && await EvaluationsAsync(harness) >= 2, Patience);
        Assert.True(settled, "the write's own version was never evaluated");
        await PollsAsync(harness, 3);
        await harness.WaitForQuietAsync();
        var writes = harness.NonGetRequests();
        var evaluations = await EvaluationsAsync(harness);

        // Eight more polls (each lists the issue again in the overlap window) must neither queue nor write anything.
        await PollsAsync(harness, 8);
        await harness.WaitForQuietAsync();

        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Equal(evaluations, await EvaluationsAsync(harness));
        Assert.Single(harness.LintNotes(iid));
        Assert.Equal(0, (await harness.Store.Deliveries.GetCountsAsync()).Depth);
    }

    [Fact]
    public async Task PollOnce_IdleTrackerTenTimes_TenListRequestsPerScopeAndNoWrites()
    {
        // No Poll:Interval: the test drives the poller itself, over a group scope and a project scope.
        await using var harness = await ServeHarness.StartAsync(issues: 40, registerHook: false);
        var options = new HygieneOptions();
        options.Scopes.Groups.Add(harness.Simulator.Handbook!.GroupPath);
        options.Scopes.Projects.Add(harness.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var poller = new IssuePoller(
            harness.Host.Services.GetRequiredService<IGitLabClient>(), harness.Store, options, new PollSchedule(Interval, PollSchedule.DefaultOverlap), TimeProvider.System, NullLogger<IssuePoller>.Instance);

        // Prime: seeded issues edited in the last minute are queued once and settle (the worker may fix some).
        for (var round = 0; round < 5 && (await poller.PollOnceAsync(CancellationToken.None)).Sum(r => r.Queued) > 0; round++)
        {
            await harness.WaitForQuietAsync();
        }

        harness.Simulator.RequestLog.Clear();
        var writes = harness.NonGetRequests();
        for (var poll = 0; poll < 10; poll++)
        {
            var results = await poller.PollOnceAsync(CancellationToken.None);
            Assert.All(results, r => Assert.True(r.Succeeded && r.Queued == 0, $"{r.Scope}: queued {r.Queued}, error {r.Error}"));
        }

        var requests = harness.Simulator.RequestLog.Entries;
        Assert.Equal(10, requests.Count(e => IsIssueList(e, "/api/v4/groups/")));
        Assert.Equal(10, requests.Count(e => IsIssueList(e, $"/api/v4/projects/{harness.ProjectId}/")));
        Assert.Equal(20, requests.Count(e => e.Path.StartsWith("/api/", StringComparison.Ordinal)));
        Assert.Equal(writes, harness.NonGetRequests());
        Assert.Equal(0, (await harness.Store.Deliveries.GetCountsAsync()).Depth);
    }

    [Fact]
    public async Task PollOnce_GitLabFailing_WatermarkStaysAndTheNextPollCatchesUp()
    {
        await using var harness = await ServeHarness.StartAsync(registerHook: false);
        var options = new HygieneOptions();
        options.Scopes.Groups.Add(harness.Simulator.Handbook!.GroupPath);
        var poller = new IssuePoller(
            harness.Host.Services.GetRequiredService<IGitLabClient>(), harness.Store, options, new PollSchedule(Interval, PollSchedule.DefaultOverlap), TimeProvider.System, NullLogger<IssuePoller>.Instance);
        var key = IssuePoller.WatermarkKey(GroupScope(harness.Simulator));
        Assert.True(Assert.Single(await poller.PollOnceAsync(CancellationToken.None)).Succeeded);
        var before = await harness.Store.Watermarks.GetAsync(key);

        var iid = await OpenIssueAsync(harness, "Changed before GitLab answered 5xx to the poller", labels: "Bug,Extract");
        harness.Simulator.Knobs.FaultKinds = GitLabSimulator.FaultKinds.ServerErrors;
        harness.Simulator.Knobs.FaultRate = 1;
        var failed = Assert.Single(await poller.PollOnceAsync(CancellationToken.None));
        harness.Simulator.Knobs.FaultRate = 0;

        Assert.False(failed.Succeeded);
        Assert.Equal(before, await harness.Store.Watermarks.GetAsync(key));
        var recovered = Assert.Single(await poller.PollOnceAsync(CancellationToken.None));
        Assert.True(recovered.Succeeded, recovered.Error);
        Assert.Equal(1, recovered.Queued);
        Assert.True(await harness.Store.Watermarks.GetAsync(key) > before);
        Assert.True(await Eventually.HoldsAsync(() => harness.Simulator.State.Issue(harness.ProjectId, iid)!.MilestoneTitle == "Backlog", Patience));
    }

    [Fact]
    public async Task Serve_RestartAfterUpdatesMadeWhileDown_PicksThemUpAndNothingElse()
    {
        await using var harness = await ServeHarness.StartAsync(issues: 30, configure: PollEvery(Interval), registerHook: false);
        var watermarkKey = IssuePoller.WatermarkKey(GroupScope(harness.Simulator));
        Assert.True(await Eventually.HoldsAsync(async () => await harness.Store.Watermarks.GetAsync(watermarkKey) is not null, Patience), "no first poll");
        await harness.WaitForQuietAsync();
        await harness.Host.StopAsync();

        var iid = await OpenIssueAsync(harness, "Filed while the service was down", labels: "Bug,Extract");
        harness.Simulator.RequestLog.Clear();

        // The restarted process runs ten minutes ahead: "start from now" would miss the change (it is older than the
        // overlap); only the stored watermark finds it.
        var configuration = ServeHarness.BaseConfiguration(harness.Simulator, harness.StorePath);
        PollEvery(Interval)(configuration);
        await using var restarted = ServeHost.Build(new ServeSettings
        {
            ConfigurationOverrides = configuration,
            Urls = "http://127.0.0.1:0",
            ConsoleLogs = false,
            Time = new ShiftedTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10)),
        });
        await restarted.StartAsync();
        try
        {
            Assert.True(await Eventually.HoldsAsync(() => harness.Simulator.State.Issue(harness.ProjectId, iid)!.MilestoneTitle == "Backlog", Patience), "the update made while down was missed");
            var store = restarted.Services.GetRequiredService<IHygieneStore>();
            Assert.True(await Eventually.HoldsAsync(async () => (await store.Deliveries.GetCountsAsync()).Depth == 0, Patience));
        }
        finally
        {
            await restarted.StopAsync();
        }

        // No replay: the seeded tracker is full of problems, but every write went to the one issue changed while down.
        var writes = harness.Simulator.RequestLog.Entries.Where(e => e.Method != "GET" && e.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, w => Assert.StartsWith($"/api/v4/projects/{harness.ProjectId}/issues/{iid}/", w.Path + "/", StringComparison.Ordinal));
        Assert.Single(harness.LintNotes(iid));
    }

    [Fact]
    public async Task PollAndWebhook_SameChangeWithinDebounce_EvaluatedOnce()
    {
        await using var harness = await ServeHarness.StartAsync(configure: PollEvery(TimeSpan.FromMilliseconds(200), c => c["Worker:Debounce"] = "00:00:01.500"));
        var backlog = harness.Simulator.Handbook!.BacklogMilestoneId;
        var before = await EvaluationsAsync(harness);

        // A tidy issue: evaluating it writes nothing, so its updated_at stays and nothing but this change is evaluated.
        var iid = await OpenIssueAsync(harness, "Already tidy", labels: "Bug,Extract,flow::Triage", milestoneId: backlog);
        var polled = await Eventually.HoldsAsync(() => harness.Logs.Events.Any(e => e.MessageTemplate.Text.StartsWith("Poll queued delivery", StringComparison.Ordinal) && e.Properties["Iid"].ToString() == iid.ToString(System.Globalization.CultureInfo.InvariantCulture)), Patience);
        Assert.True(polled, "the poll did not queue the change");
        await harness.WaitForQuietAsync();
        // Past the debounce (1.5 s) by several polls: the webhook's delivery and any later poll had their chance to queue it again.
        await PollsAsync(harness, 10);
        await harness.WaitForQuietAsync();

        Assert.NotEmpty(harness.Simulator.WebhookDeliveries);
        Assert.Equal(before + 1, await EvaluationsAsync(harness));
        Assert.Empty(harness.LintNotes(iid));
        Assert.DoesNotContain(harness.Simulator.State.Notes(harness.ProjectId, iid), n => LintNote.IsLintNote(n.Body));
    }
}

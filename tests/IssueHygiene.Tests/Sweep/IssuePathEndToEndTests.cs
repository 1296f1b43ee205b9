using System.Text.Json;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy.Loading;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Tests.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Tests.Sweep;

/// <summary>
/// The one issue path end to end, against the simulator's HTTP API: a live run makes exactly the dry run's writes
/// (hygiene and secret-leak alike, read back from the simulator's request log), and an issue GitLab loses or refuses
/// mid-sweep is recorded while the sweep goes on.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class IssuePathEndToEndTests
{
    private static readonly Evaluator Evaluator = new(RuleSetLoader.Load(File.ReadAllText(CliRunner.Repo("rules/handbook.yml")), "handbook.yml").RuleSet!);

    [Fact]
    public async Task Sweep_Live_ExecutesExactlyTheWritesTheDryRunPlanned()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 50, seed: 21);
        var projectId = harness.Simulator.Handbook!.Projects[0].Id;
        using (var http = harness.Simulator.CreateClient(harness.Simulator.AdminToken))
        {
            var leak = await http.PostAsync(
                $"/api/v4/projects/{projectId}/issues?title=deploy&description={Uri.EscapeDataString("token " + new TestSecrets(3).GitLabToken())}", null);
            leak.EnsureSuccessStatusCode();
        }

        var reportFile = Path.Combine(Path.GetDirectoryName(harness.StorePath)!, "plan.json");
        var (dryExit, _, dryError) = await harness.RunAsync(harness.Configuration(dryRun: true), "report", "--report", reportFile, "--format", "json");
        Assert.Equal(ExitCodes.Violations, dryExit);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile)).RootElement;
        var planned = PlannedRequests(report);
        // The secret-leak response is in the same plan (its internal note), executed by the same Actuator.
        Assert.Contains(report.GetProperty("issues").EnumerateArray().SelectMany(i => i.GetProperty("plannedWrites").EnumerateArray()),
            w => w.TryGetProperty("rules", out var rules) && rules.EnumerateArray().Any(r => r.GetString() == "secret-leak"));
        Assert.True(planned.Count > 10, dryError);
        var logged = harness.Simulator.RequestLog.Entries.Count;

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, error);
        var executed = harness.Simulator.RequestLog.Entries.Skip(logged)
            .Where(e => e.Method != "GET" && e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => (e.Method, e.Path)).Order().ToList();
        Assert.Equal(planned.Order().ToList(), executed);
        // The listing's snapshot is fresh and no other writer touched the issues: a live sweep costs the pages, the
        // catalog and the writes. Only a plan that replaces text a person may have edited (the secret-leak redaction,
        // a REST update) reads its issue again under the write lock first.
        var reread = harness.Simulator.RequestLog.Entries.Skip(logged)
            .Where(e => e.Method == "GET" && SingleIssuePath().IsMatch(e.Path)).Select(e => e.Path).ToList();
        var updated = planned.Where(r => r.Method == "PUT" && SingleIssuePath().IsMatch(r.Path)).Select(r => r.Path).ToHashSet();
        Assert.All(reread, path => Assert.Contains(path, updated));
        Assert.True(reread.Count <= updated.Count, $"{reread.Count} issues read again for {updated.Count} REST updates");
    }

    [GeneratedRegex(@"^/api/v4/projects/\d+/issues/\d+$")]
    private static partial Regex SingleIssuePath();

    [Fact]
    public async Task Sweep_IssuesDeletedMidSweep_RecordedAsGoneAndTheSweepGoesOn()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40, seed: 9);
        var offenders = OpenIssuesNeedingANote(harness);
        Assert.True(offenders.Count > 5);
        await using var services = await ServicesAsync(harness, dryRun: false);
        var deleted = new List<(long ProjectId, long Iid)>();
        var observer = new DeletingObserver(async done =>
        {
            // After the first issue, delete three offenders not processed yet: they were listed, their writes will 404.
            using var admin = harness.Simulator.CreateClient(harness.Simulator.AdminToken);
            foreach (var victim in offenders.Where(o => !done.Contains(o)).TakeLast(3))
            {
                (await admin.DeleteAsync($"/api/v4/projects/{victim.ProjectId}/issues/{victim.Iid}")).EnsureSuccessStatusCode();
                deleted.Add(victim);
            }
        });

        var result = await services.GetRequiredService<SweepRunner>().RunAsync(
            new SweepRequest { Scopes = [new SweepScope(SweepScopeKind.Group, harness.GroupPath)], DryRun = false, MaxWrites = null, Concurrency = 1 },
            observer,
            CancellationToken.None);

        Assert.Equal(3, deleted.Count);
        var gone = result.Report.Failures.Where(f => f.Gone).Select(f => (f.ProjectId, f.Iid)).ToList();
        Assert.NotEmpty(gone);
        Assert.All(gone, g => Assert.Contains(g, deleted));
        Assert.Contains(harness.Simulator.RequestLog.Entries, e => e.Status == 404 && e.Method != "DELETE");
        // The service's counters say the same as the report (/metrics: issuehygiene_issue_failures_total{outcome="gone"}).
        Assert.Equal(gone.Count, services.GetRequiredService<Health.HygieneMetrics>().IssueFailuresByOutcome["gone"]);
        // Every other offender still got its one note.
        var notes = harness.LintNoteCounts();
        Assert.All(offenders.Except(deleted), o => Assert.Equal(1, notes[o]));
    }

    [Fact]
    public async Task SweepIncremental_IssueStoppedByAGitLabError_LookedAtAgainByTheNextIncrementalSweep()
    {
        var clock = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SweepHarness.StartAsync(issues: 30, seed: 3, time: clock);
        var forbidding = new ForbiddingNotesHandler();
        await using var services = await ServicesAsync(harness, dryRun: false, clock, forbidding);
        var runner = services.GetRequiredService<SweepRunner>();
        var scope = new SweepScope(SweepScopeKind.Group, harness.GroupPath);
        async Task<SweepResult> SweepAsync() => await runner.RunAsync(
            new SweepRequest { Scopes = [scope], DryRun = false, Incremental = true, MaxWrites = null }, ISweepObserver.None, CancellationToken.None);

        await SweepAsync();
        clock.Advance(TimeSpan.FromHours(1));
        // A person removes a milestone; GitLab then refuses the bot's note on that issue (403) during the next sweep.
        var victim = harness.Simulator.State.Issues().First(i => i.State == "opened" && i.MilestoneTitle == "Backlog" && !i.Labels.Contains("hygiene::ignore"));
        using var admin = harness.Simulator.CreateClient();
        (await admin.PutAsync($"/api/v4/projects/{victim.ProjectId}/issues/{victim.Iid}?milestone_id=0", null)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(5));
        forbidding.Forbid(victim.ProjectId, victim.Iid);

        var stopped = await SweepAsync();
        var failure = Assert.Single(stopped.Report.Failures);
        Assert.Equal((victim.ProjectId, victim.Iid, false), (failure.ProjectId, failure.Iid, failure.Gone));
        Assert.Null(harness.Simulator.State.Issue(victim.ProjectId, victim.Iid)!.MilestoneTitle);

        // GitLab accepts again. The issue did not change after the failed sweep started, yet the next incremental sweep
        // looks at it: a run with stopped issues does not move the incremental base.
        forbidding.Allow();
        clock.Advance(TimeSpan.FromHours(1));
        var retried = await SweepAsync();

        Assert.Empty(retried.Report.Failures);
        Assert.Equal("Backlog", harness.Simulator.State.Issue(victim.ProjectId, victim.Iid)!.MilestoneTitle);
    }

    [Fact]
    public async Task Sweep_OneIssuesNoteUnanswered_ThatIssueFailedAndTheSweepGoesOn()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40, seed: 9);
        var offenders = OpenIssuesNeedingANote(harness);
        var victim = offenders[offenders.Count / 2];
        var unanswered = new UnansweredNotesHandler(path => path == $"/api/v4/projects/{victim.ProjectId}/issues/{victim.Iid}/notes");
        await using var services = await ServicesAsync(harness, dryRun: false, gitLabInFront: unanswered);

        var result = await services.GetRequiredService<SweepRunner>().RunAsync(
            new SweepRequest { Scopes = [new SweepScope(SweepScopeKind.Group, harness.GroupPath)], DryRun = false, MaxWrites = null },
            ISweepObserver.None,
            CancellationToken.None);

        var failure = Assert.Single(result.Report.Failures);
        Assert.Equal((victim.ProjectId, victim.Iid, false), (failure.ProjectId, failure.Iid, failure.Gone));
        Assert.Contains("did not answer", failure.Error, StringComparison.Ordinal);
        var notes = harness.LintNoteCounts();
        Assert.All(offenders.Where(o => o != victim), o => Assert.Equal(1, notes[o]));
    }

    [Fact]
    public async Task Sweep_GitLabAnswersNoWriteAtAll_StopsAfterAFewIssuesInARow()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40, seed: 9);
        var offenders = OpenIssuesNeedingANote(harness).Count;
        var unanswered = new UnansweredNotesHandler(path => path.EndsWith("/notes", StringComparison.Ordinal));
        await using var services = await ServicesAsync(harness, dryRun: false, gitLabInFront: unanswered);

        await Assert.ThrowsAsync<GitLab.Errors.GitLabTransportException>(() => services.GetRequiredService<SweepRunner>().RunAsync(
            new SweepRequest { Scopes = [new SweepScope(SweepScopeKind.Group, harness.GroupPath)], DryRun = false, MaxWrites = null, Concurrency = 1 },
            ISweepObserver.None,
            CancellationToken.None));

        // Three issues in a row, plus what was already in flight and the client's own attempts: far from every offender.
        Assert.InRange(unanswered.Refused, SweepRunner.MaxUnansweredInARow, offenders / 2);
        Assert.DoesNotContain(harness.LintNoteCounts(), n => n.Value > 0);
        Assert.NotNull(await services.GetRequiredService<IHygieneStore>().Sweeps.GetResumableAsync($"group:{harness.GroupPath}"));
    }

    [Fact]
    public async Task Report_OverBudget_PlansEveryWriteAndSaysWhereALiveRunWouldStop()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 60, seed: 4);
        var reportFile = Path.Combine(Path.GetDirectoryName(harness.StorePath)!, "budget.json");

        var (_, _, error) = await harness.RunAsync(harness.Configuration(dryRun: true, maxWrites: 5), "report", "--report", reportFile, "--format", "json");

        var totals = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile)).RootElement.GetProperty("totals");
        var planned = totals.GetProperty("writes").GetInt32();
        Assert.True(planned > 5, error);
        Assert.True(totals.GetProperty("budgetStopped").GetBoolean());
        Assert.Equal(planned, totals.GetProperty("budget").GetProperty("planned").GetInt32());
        Assert.InRange(totals.GetProperty("budget").GetProperty("withinBudget").GetInt32(), 1, 5);
        Assert.Contains($"live run would stop after {totals.GetProperty("budget").GetProperty("withinBudget").GetInt32()} of {planned} writes (MaxWritesPerRun 5)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_BudgetStopped_SaysSoAndTheNextRunIsNotAResumedInterruption()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 60, seed: 4);

        var (firstExit, _, first) = await harness.RunAsync(harness.Configuration(dryRun: false, maxWrites: 3), "sweep");
        var (_, _, second) = await harness.RunAsync(harness.Configuration(dryRun: false, maxWrites: 3), "sweep");

        Assert.Equal(ExitCodes.Violations, firstExit);
        Assert.Contains("Stopped writing: the write budget (MaxWritesPerRun) was reached after", first, StringComparison.Ordinal);
        Assert.DoesNotContain("resuming an interrupted run", second, StringComparison.Ordinal);
        Assert.InRange(harness.NonGetRequests(), 2, 6);
    }

    private static List<(string Method, string Path)> PlannedRequests(JsonElement report)
    {
        var requests = new List<(string, string)>();
        foreach (var issue in report.GetProperty("issues").EnumerateArray())
        {
            var path = $"/api/v4/projects/{issue.GetProperty("projectId").GetInt64()}/issues/{issue.GetProperty("iid").GetInt64()}";
            foreach (var write in issue.GetProperty("plannedWrites").EnumerateArray())
            {
                requests.Add(write.GetProperty("kind").GetString() switch
                {
                    "note-create" or "quick-actions" => ("POST", path + "/notes"),
                    "note-edit" => ("PUT", path + "/notes/" + write.GetProperty("noteId").GetInt64()),
                    "note-delete" => ("DELETE", path + "/notes/" + write.GetProperty("noteId").GetInt64()),
                    "rest-update" => ("PUT", path),
                    var kind => throw new InvalidOperationException("unknown write kind " + kind),
                });
            }
        }

        return requests;
    }

    /// <summary>The open issues of the simulated tracker whose findings call for a lint note, as (project, iid).</summary>
    private static List<(long ProjectId, long Iid)> OpenIssuesNeedingANote(SweepHarness harness) =>
        harness.Simulator.State.Issues()
            .Where(i => i.State == "opened" && Evaluator.Evaluate(Snapshot(i), DateTimeOffset.UtcNow).Violations.Any(v => v.InLintNote))
            .Select(i => (i.ProjectId, i.Iid)).ToList();

    private static IssueSnapshot Snapshot(IssueView issue) => new()
    {
        ProjectId = issue.ProjectId,
        Iid = issue.Iid,
        State = issue.State == "opened" ? IssueState.Opened : IssueState.Closed,
        Labels = issue.Labels,
        Milestone = issue.MilestoneTitle is { } title ? new MilestoneRef(issue.MilestoneId ?? 0, title) : null,
        Assignees = [.. issue.AssigneeUsernames.Select(u => new UserRef(1, u))],
        CreatedAt = issue.CreatedAt,
    };

    private static async Task<ServiceProvider> ServicesAsync(SweepHarness harness, bool dryRun, TimeProvider? time = null, DelegatingHandler? gitLabInFront = null)
    {
        var configuration = AppConfiguration.Build(harness.Configuration(dryRun));
        var collection = new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<Health.HygieneMetrics>()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddIssueHygiene(configuration, AppConfiguration.BindOptions(configuration));
        if (gitLabInFront is not null)
        {
            // Innermost: answers in GitLab's place, behind the client's rate limiter, statistics and retries.
            collection.AddHttpClient(GitLab.DependencyInjection.GitLabServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => gitLabInFront);
        }

        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<IHygieneStore>().InitializeAsync(CancellationToken.None);
        return services;
    }

    /// <summary>Runs an action once, after the first issue is done, with the issues done so far.</summary>
    private sealed class DeletingObserver(Func<HashSet<(long, long)>, Task> afterFirst) : ISweepObserver
    {
        private readonly HashSet<(long, long)> _done = [];

        public void ScopeStarted(SweepScope scope, bool resumed)
        {
        }

        public void IssueDone(SweepScope scope, ActOutcome outcome)
        {
            if (outcome.Issue is { } issue)
            {
                _done.Add((issue.ProjectId, issue.Iid));
            }

            if (_done.Count == 1)
            {
                afterFirst(_done).GetAwaiter().GetResult();
            }
        }

        public void ScopeFinished(SweepScope scope, long issues)
        {
        }
    }

    /// <summary>Answers 403 to note creation on one issue, as GitLab does when the bot may no longer comment there.</summary>
    private sealed class ForbiddingNotesHandler : DelegatingHandler
    {
        private volatile string? _forbiddenPath;

        public void Forbid(long projectId, long iid) => _forbiddenPath = $"/api/v4/projects/{projectId}/issues/{iid}/notes";

        public void Allow() => _forbiddenPath = null;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == _forbiddenPath
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden)
                {
                    RequestMessage = request,
                    Content = new StringContent("""{"message":"403 Forbidden"}""", System.Text.Encoding.UTF8, "application/json"),
                })
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Drops the connection of note creations on matching paths, as a GitLab that stopped answering would.</summary>
    private sealed class UnansweredNotesHandler(Func<string, bool> matches) : DelegatingHandler
    {
        private int _refused;

        public int Refused => Volatile.Read(ref _refused);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && matches(request.RequestUri?.AbsolutePath ?? ""))
            {
                Interlocked.Increment(ref _refused);
                throw new HttpRequestException("connection reset by the test");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

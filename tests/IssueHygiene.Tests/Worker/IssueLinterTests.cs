using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Reporting;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Health;
using IssueHygiene.Hosting;
using IssueHygiene.Processing;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Tests.Processing;
using IssueHygiene.Webhooks;
using IssueHygiene.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace IssueHygiene.Tests.Worker;

/// <summary>
/// The worker's handling of one claimed batch (<see cref="IssueLinter"/>) over tiny fakes of the narrow GitLab roles and
/// a throw-away SQLite store: scope, commands, waivers, the one issue path, and per-issue failures. No HTTP, no host.
/// </summary>
public sealed class IssueLinterTests
{
    private const long Developer = 8;
    private const long Reporter = 7;

    [Fact]
    public async Task Lint_IssueDelivery_OffenderGetsOneLintNoteAndIsCounted()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var (linter, _, metrics) = Linter(rig);

        var result = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ActStatus.Written, result.Outcome!.Status);
        Assert.Single(rig.GitLab.Notes(1), n => LintNote.IsLintNote(n.Body));
        Assert.Equal(1, metrics.Evaluations);
        Assert.Equal(1, metrics.WritesByKind[WriteKind.NoteCreate.Name()]);
        // After a new lint note the worker looks once more at the issue's notes (a racing sweep's note would be deleted).
        Assert.Contains("GET notes 5#1", rig.GitLab.Calls);
    }

    [Fact]
    public async Task Lint_ProjectOutsideTheScopes_DoneWithoutTouchingTheIssue()
    {
        await using var rig = await IssuePathRig.StartAsync();
        var (linter, directory, metrics) = Linter(rig, scopes: ["handbook/other"]);

        var result = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Null(result.Outcome);
        Assert.Empty(rig.GitLab.Calls);
        Assert.Equal(1, directory.ProjectLookups);
        Assert.Equal(0, metrics.Evaluations);
    }

    [Fact]
    public async Task Lint_HelpComment_AnsweredInTheStickyNote()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var comment = rig.GitLab.AddComment(1, Reporter, "reporter", "@issue-hygiene-bot help");
        var (linter, _, _) = Linter(rig);

        var result = await linter.LintAsync(Batch(1, NoteDelivery(comment)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var note = Assert.Single(rig.GitLab.Notes(1), n => LintNote.IsLintNote(n.Body));
        Assert.Contains("**Answers**", note.Body, StringComparison.Ordinal);
        Assert.Contains("GET note 5#1/" + comment, rig.GitLab.Calls);
    }

    [Fact]
    public async Task Lint_WaiveByDeveloper_WaiverStoredAndTheRuleNoLongerReported()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var (linter, directory, _) = Linter(rig);
        directory.Access[Developer] = GitLabAccessLevel.Developer;
        var first = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);
        var rule = first.Outcome!.Verdict!.Violations[0].Rule;

        var comment = rig.GitLab.AddComment(1, Developer, "dev", $"@issue-hygiene-bot waive {rule} planned elsewhere");
        var result = await linter.LintAsync(Batch(1, NoteDelivery(comment)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var waiver = Assert.Single(await rig.Store.LintNotes.ListActiveWaiversAsync(5, 1, DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Equal(rule, waiver.RuleId);
        Assert.Equal("dev", waiver.WaivedBy);
        Assert.DoesNotContain(result.Outcome!.Verdict!.Violations, v => v.Rule == rule);
        Assert.Equal(1, directory.AccessLookups);
    }

    [Fact]
    public async Task Lint_WaiveByReporter_RefusedInTheNoteAndNotStored()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var (linter, directory, _) = Linter(rig);
        directory.Access[Reporter] = GitLabAccessLevel.Reporter;
        var first = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);
        var rule = first.Outcome!.Verdict!.Violations[0].Rule;

        var comment = rig.GitLab.AddComment(1, Reporter, "reporter", $"@issue-hygiene-bot waive {rule}");
        var result = await linter.LintAsync(Batch(1, NoteDelivery(comment)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(await rig.Store.LintNotes.ListActiveWaiversAsync(5, 1, DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Contains(result.Outcome!.Verdict!.Violations, v => v.Rule == rule);
        var note = Assert.Single(rig.GitLab.Notes(1), n => LintNote.IsLintNote(n.Body));
        Assert.Contains("refused", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_IssueDeletedMeanwhile_DeliveryDoneWithoutWrites()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Failures["GET issue 5#1"] = FakeIssueTracker.NotFound("issue 1");
        var (linter, _, metrics) = Linter(rig);

        var result = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(ActStatus.Gone, result.Outcome!.Status);
        Assert.Empty(rig.GitLab.Notes(1));
        Assert.Empty(metrics.WritesByKind);
    }

    [Fact]
    public async Task Lint_IssueForbidden_FailedSoTheDeliveryIsRetried()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Failures["GET issue 5#1"] = FakeIssueTracker.Forbidden("issue 1");
        var (linter, _, _) = Linter(rig);

        var result = await linter.LintAsync(Batch(1, IssueDelivery()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Equal(ActStatus.Failed, result.Outcome!.Status);
        Assert.Empty(rig.GitLab.Notes(1));
    }

    private static (IssueLinter Linter, FakeDirectory Directory, HygieneMetrics Metrics) Linter(IssuePathRig rig, string[]? scopes = null)
    {
        var directory = new FakeDirectory();
        var options = new HygieneOptions { DryRun = false };
        options.Scopes.Projects.AddRange(scopes ?? ["5"]);
        var metrics = new HygieneMetrics();
        var linter = new IssueLinter(
            new NoEventEcho(),
            rig.Store,
            rig.Processor,
            new CommentCommandRunner(directory, rig.Store, rig.Evaluator, TimeProvider.System, NullLogger<CommentCommandRunner>.Instance),
            rig.GitLab,
            new BotIdentity(directory),
            new NoteCommandReader(rig.GitLab, NoMergeRequests.Instance, new LintWorkerOptions()),
            new ProjectScope(new WebhookScopeFilter(options.Scopes), directory, TimeProvider.System),
            options,
            metrics,
            TimeProvider.System,
            NullLogger<IssueLinter>.Instance);
        return (linter, directory, metrics);
    }

    private static ClaimedBatch Batch(long iid, params ClaimedDelivery[] deliveries) =>
        new("claim", "worker-1", 5, iid, DateTimeOffset.UtcNow.AddMinutes(2), [.. deliveries.Select(d => d with { IssueIid = iid })]);

    private static ClaimedDelivery IssueDelivery() => Delivery("Issue Hook", DeliveryDigest.Issue);

    private static ClaimedDelivery NoteDelivery(long noteId) => Delivery("Note Hook", DeliveryDigest.Note(noteId, "create"));

    private static ClaimedDelivery Delivery(string eventName, DeliveryDigest digest) =>
        new(Random.Shared.NextInt64(1, long.MaxValue), Guid.NewGuid().ToString("N"), eventName, null, 5, null, DateTimeOffset.UtcNow, digest.ToJson(), 0);
}

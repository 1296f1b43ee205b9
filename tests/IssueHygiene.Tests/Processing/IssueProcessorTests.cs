using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.Processing;
using IssueHygiene.Storage.Audit;

namespace IssueHygiene.Tests.Processing;

/// <summary>The one issue path (processor + Actuator) with a tiny fake GitLab: plans, freshness, per-issue failures.</summary>
public sealed class IssueProcessorTests
{
    private readonly string _token = new Secrets.TestSecrets(13).GitLabToken();

    [Fact]
    public async Task Process_FreshListedOffender_ExecutesExactlyThePlanWithoutReadingTheIssueAgain()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));

        var outcome = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow);

        Assert.Equal(ActStatus.Written, outcome.Status);
        var write = Assert.Single(outcome.Writes);
        Assert.Equal(WriteKind.NoteCreate, write.Kind);
        // The snapshot is fresh and nobody else wrote to the issue: the pages, the catalog and the writes, no GET.
        Assert.Equal(["POST note 5#1"], rig.GitLab.Calls);
        Assert.Equal(write.NoteRequestBody(), Assert.Single(rig.GitLab.CreatedNoteBodies));
        var entry = await rig.Store.LintNotes.GetAsync(5, 1);
        Assert.Equal(rig.GitLab.Notes(1)[0].Id, entry!.NoteId);
        Assert.Empty(rig.Metrics.IssueFailuresByOutcome);
    }

    [Fact]
    public async Task Process_SnapshotOlderThanTheBound_ReadAgainUnderTheLock()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));

        var outcome = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow - Actuator.SnapshotFreshFor - TimeSpan.FromMinutes(1));

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.Equal(["GET issue 5#1", "POST note 5#1"], rig.GitLab.Calls);
    }

    [Fact]
    public async Task Process_AnotherWriterWroteAfterTheSnapshot_ReadAgainUnderTheLock()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var readAt = DateTimeOffset.UtcNow;
        // Another replica's worker wrote to the issue after this sweep listed it (its audit entry is in the shared store).
        await rig.Store.Audit.AppendAsync(new AuditEntry
        {
            OccurredAt = readAt + TimeSpan.FromSeconds(1),
            ProjectId = 5,
            IssueIid = 1,
            Kind = WriteKind.QuickActions,
            Source = "delivery:1",
        });

        var outcome = await rig.ProcessListedAsync(1, readAt);

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.Equal(["GET issue 5#1", "POST note 5#1"], rig.GitLab.Calls);
    }

    [Fact]
    public async Task Process_OnlyDryRunEntriesSinceTheSnapshot_NoRead()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        var readAt = DateTimeOffset.UtcNow;
        await rig.Store.Audit.AppendAsync(new AuditEntry
        {
            OccurredAt = readAt,
            ProjectId = 5,
            IssueIid = 1,
            Kind = WriteKind.NoteCreate,
            DryRun = true,
            Source = "sweep:dry-run",
        });

        await rig.ProcessListedAsync(1, readAt);

        Assert.Equal(["POST note 5#1"], rig.GitLab.Calls);
    }

    [Fact]
    public async Task Process_IssueDeletedBeforeTheWrite_GoneRecordedNotThrown()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Failures["POST note"] = FakeIssueTracker.NotFound("issue 5#1");

        var outcome = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow);

        Assert.Equal(ActStatus.Gone, outcome.Status);
        Assert.Contains("404", outcome.Error, StringComparison.Ordinal);
        var audit = Assert.Single(await rig.Store.Audit.QueryAsync(new AuditQuery { IssueIid = 1 }));
        Assert.Equal(AuditOutcome.Error, audit.Entry.Outcome);
        Assert.Equal([new KeyValuePair<string, long>("gone", 1)], rig.Metrics.IssueFailuresByOutcome);
    }

    [Fact]
    public async Task Process_IssueForbidden_FailedForThisIssueOnly()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Failures["GET issue"] = FakeIssueTracker.Forbidden("issue 5#1");

        var outcome = await rig.Processor.ProcessAsync(new IssueRequest { ProjectId = 5, Iid = 1 }, rig.GitLab, IssuePathRig.Context(), CancellationToken.None);

        Assert.Equal(ActStatus.Failed, outcome.Status);
        Assert.Contains("403", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(new IssueKey(5, 1), outcome.Issue);
        Assert.Equal([new KeyValuePair<string, long>("failed", 1)], rig.Metrics.IssueFailuresByOutcome);
    }

    [Fact]
    public async Task Process_GitLabUnreachable_ThrowsSoTheRunStops()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Failures["POST note"] = new GitLabTransportException("connection refused", "POST /notes", "issue 5#1", new HttpRequestException("refused"));

        await Assert.ThrowsAsync<GitLabTransportException>(() => rig.ProcessListedAsync(1, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Process_RememberedNoteDeleted_PlansAgainFromTheIssuesNotes()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow);
        var first = rig.GitLab.Notes(1)[0].Id;
        await rig.GitLab.DeleteIssueNoteAsync(5, 1, first);
        // The index still remembers the deleted note; the issue changed so the note must be edited.
        rig.GitLab.Add(FakeIssueTracker.Issue(1) with { Labels = ["flow::Triage"] });
        await rig.Store.LintNotes.UpsertAsync((await rig.Store.LintNotes.GetAsync(5, 1))! with { FindingsHash = "stale" });
        rig.GitLab.Calls.Clear();

        var outcome = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow);

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.Equal(WriteKind.NoteCreate, Assert.Single(outcome.Writes).Kind);
        // (The first GET: the earlier write is within the clock-skew margin of this snapshot's read time.)
        Assert.Equal(["GET issue 5#1", "PUT note 5#1/" + first, "GET issue 5#1", "GET notes 5#1", "POST note 5#1"], rig.GitLab.Calls);
        Assert.Single(rig.GitLab.Notes(1));
    }

    [Fact]
    public async Task Process_DryRunOverBudget_PlansEveryWriteAndNotesWhereALiveRunWouldStop()
    {
        await using var rig = await IssuePathRig.StartAsync();
        rig.GitLab.Add(FakeIssueTracker.Issue(1));
        rig.GitLab.Add(FakeIssueTracker.Issue(2));
        var budget = new WriteBudget(1);
        var context = IssuePathRig.Context(dryRun: true, budget);

        var first = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow, context);
        var second = await rig.ProcessListedAsync(2, DateTimeOffset.UtcNow, context);

        Assert.Equal([ActStatus.Planned, ActStatus.Planned], [first.Status, second.Status]);
        Assert.Empty(rig.GitLab.Calls);
        Assert.Equal((1, 2, true), (budget.Used, budget.Planned, budget.Exhausted));
        Assert.Equal("a live run would stop after 1 of 2 writes (MaxWritesPerRun 1)", new WriteBudgetUse(budget.Limit, budget.Used, budget.Planned).Describe(dryRun: true));
    }

    [Fact]
    public async Task Process_LeakAndOffender_OnePlanContainmentFirstThroughTheSameActuator()
    {
        await using var rig = await IssuePathRig.StartAsync(secretLeak: "{ severity: error, action: fix, redact: 'true' }");
        rig.GitLab.Add(FakeIssueTracker.Issue(1, "my token: " + _token));

        var outcome = await rig.ProcessListedAsync(1, DateTimeOffset.UtcNow);

        Assert.Equal(ActStatus.Written, outcome.Status);
        Assert.Equal(SecretLeakAnswer.Respond, outcome.SecretLeak);
        Assert.Equal([WriteKind.RestUpdate, WriteKind.NoteCreate, WriteKind.NoteCreate], outcome.Writes.Select(w => w.Kind));
        // A redaction replaces text a person may have edited: always planned again from GitLab's current state.
        Assert.Equal(["GET issue 5#1", "PUT issue 5#1", "POST note 5#1 internal", "POST note 5#1"], rig.GitLab.Calls);
        var update = Assert.Single(rig.GitLab.Updates);
        Assert.Equal(outcome.Writes[0].Change!.Description, update.Description);
        Assert.Equal("my token: [REDACTED]", update.Description);
        Assert.True(update.Confidential);
        Assert.Equal(outcome.Writes[1].NoteRequestBody(), rig.GitLab.CreatedNoteBodies[0]);
        Assert.Equal(outcome.Writes[2].NoteRequestBody(), rig.GitLab.CreatedNoteBodies[1]);
        Assert.DoesNotContain(_token, string.Join("\n", rig.GitLab.CreatedNoteBodies), StringComparison.Ordinal);
    }
}

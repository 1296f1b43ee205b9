using IssueHygiene.Storage.LintNotes;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

public abstract class LintNoteIndexContract : StoreTestBase
{
    private ILintNoteIndex Index => Store.LintNotes;

    [Fact]
    public async Task UpsertAsync_NewThenChanged_GetReturnsLatest()
    {
        await Index.UpsertAsync(new LintNoteEntry(5, 9, 1001, "hash-a", LintNoteState.Open, Start));
        await Index.UpsertAsync(new LintNoteEntry(5, 9, 1001, "hash-b", LintNoteState.Resolved, Start.AddMinutes(3)));

        Assert.Equal(new LintNoteEntry(5, 9, 1001, "hash-b", LintNoteState.Resolved, Start.AddMinutes(3)), await Index.GetAsync(5, 9));
        Assert.Null(await Index.GetAsync(5, 10));
    }

    [Fact]
    public async Task ListOpenAsync_MixedNotes_ReturnsOnlyOpenNotesOfThatProjectByIid()
    {
        await Index.UpsertAsync(new LintNoteEntry(5, 30, 3, "h", LintNoteState.Open, Start));
        await Index.UpsertAsync(new LintNoteEntry(5, 10, 1, "h", LintNoteState.Open, Start));
        await Index.UpsertAsync(new LintNoteEntry(5, 20, 2, "h", LintNoteState.Resolved, Start));
        await Index.UpsertAsync(new LintNoteEntry(6, 10, 4, "h", LintNoteState.Open, Start));

        var open = await Index.ListOpenAsync(5);

        Assert.Equal([10L, 30L], open.Select(e => e.IssueIid));
    }

    [Fact]
    public async Task RemoveAsync_ExistingAndMissing_ReportsWhetherItRemoved()
    {
        await Index.UpsertAsync(new LintNoteEntry(5, 9, 1001, "h", LintNoteState.Open, Start));

        Assert.True(await Index.RemoveAsync(5, 9));
        Assert.False(await Index.RemoveAsync(5, 9));
        Assert.Null(await Index.GetAsync(5, 9));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public async Task ListActiveWaiversAsync_UntilRelativeToToday_InForceUpToAndIncludingUntil(int? untilDaysFromToday, bool active)
    {
        var today = new DateOnly(2026, 3, 2);
        var waiver = new Waiver(5, 9, "type-label", untilDaysFromToday is { } d ? today.AddDays(d) : null, "spike", "alice", Start);
        await Index.UpsertWaiverAsync(waiver);

        var waivers = await Index.ListActiveWaiversAsync(5, 9, today);

        Assert.Equal(active ? [waiver] : [], waivers);
    }

    [Fact]
    public async Task UpsertWaiverAsync_SameRuleTwice_ReplacesAndRemoveDeletes()
    {
        await Index.UpsertWaiverAsync(new Waiver(5, 9, "stage-label", null, "first", "alice", Start));
        await Index.UpsertWaiverAsync(new Waiver(5, 9, "stage-label", new DateOnly(2026, 4, 1), "second", "bob", Start.AddHours(1)));
        await Index.UpsertWaiverAsync(new Waiver(5, 9, "type-label", null, "other", "bob", Start));

        var waivers = await Index.ListActiveWaiversAsync(5, 9, new DateOnly(2026, 3, 2));
        Assert.Equal(["stage-label", "type-label"], waivers.Select(w => w.RuleId));
        Assert.Equal(("second", "bob", new DateOnly(2026, 4, 1)), (waivers[0].Reason, waivers[0].WaivedBy, waivers[0].Until!.Value));

        Assert.True(await Index.RemoveWaiverAsync(5, 9, "stage-label"));
        Assert.False(await Index.RemoveWaiverAsync(5, 9, "stage-label"));
        Assert.Equal(["type-label"], (await Index.ListActiveWaiversAsync(5, 9, new DateOnly(2026, 3, 2))).Select(w => w.RuleId));
    }
}

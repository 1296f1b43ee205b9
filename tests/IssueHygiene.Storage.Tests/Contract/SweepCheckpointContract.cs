using IssueHygiene.Storage.Sweeps;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

public abstract class SweepCheckpointContract : StoreTestBase
{
    private ISweepCheckpoints Sweeps => Store.Sweeps;

    [Fact]
    public async Task GetResumableAsync_SweepCrashedAfterCheckpoint_ResumesAtCursorAfterRestart()
    {
        var run = await Sweeps.StartAsync("group:42");
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await Sweeps.CheckpointAsync(run.Id, "page=3", new SweepProgress(300, 4)));
        await Store.DisposeAsync();

        var restarted = await OpenAsync();
        var resumable = await restarted.Sweeps.GetResumableAsync("group:42");

        Assert.NotNull(resumable);
        Assert.Equal((run.Id, "page=3", new SweepProgress(300, 4), SweepStatus.Running), (resumable.Id, resumable.Cursor, resumable.Progress, resumable.Status));
        Assert.Equal(Start, resumable.StartedAt);
        Assert.Equal(Start.AddMinutes(1), resumable.UpdatedAt);
        Assert.Null(await restarted.Sweeps.GetResumableAsync("group:other"));
    }

    [Fact]
    public async Task FinishAsync_Succeeded_NothingToResumeAndLastSuccessIsItsStart()
    {
        Assert.Null(await Sweeps.GetLastSuccessfulStartAsync("group:42"));
        var run = await Sweeps.StartAsync("group:42");
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.True(await Sweeps.FinishAsync(run.Id, SweepStatus.Succeeded));

        Assert.Null(await Sweeps.GetResumableAsync("group:42"));
        Assert.Equal(Start, await Sweeps.GetLastSuccessfulStartAsync("group:42"));
        var finished = await Sweeps.GetAsync(run.Id);
        Assert.Equal((SweepStatus.Succeeded, Start.AddMinutes(10)), (finished!.Status, finished.FinishedAt!.Value));
        Assert.False(await Sweeps.FinishAsync(run.Id, SweepStatus.Failed));
    }

    [Fact]
    public async Task GetIncrementalBaseAsync_RunSucceededWithIssuesStopped_BaseStaysAtTheLastRunEveryIssueGotThrough()
    {
        var clean = await Sweeps.StartAsync("group:42");
        await Sweeps.FinishAsync(clean.Id, SweepStatus.Succeeded);
        Time.Advance(TimeSpan.FromDays(1));
        var withFailures = await Sweeps.StartAsync("group:42");
        await Sweeps.FinishAsync(withFailures.Id, SweepStatus.Succeeded, "2 issue(s) stopped by GitLab errors");

        // The run succeeded (it is the last successful sweep), but the next incremental sweep starts before it.
        Assert.Equal(Start.AddDays(1), await Sweeps.GetLastSuccessfulStartAsync("group:42"));
        Assert.Equal(Start, await Sweeps.GetIncrementalBaseAsync("group:42"));
        Assert.Null(await Sweeps.GetResumableAsync("group:42"));

        Time.Advance(TimeSpan.FromDays(1));
        var cleanAgain = await Sweeps.StartAsync("group:42");
        await Sweeps.FinishAsync(cleanAgain.Id, SweepStatus.Succeeded);
        Assert.Equal(Start.AddDays(2), await Sweeps.GetIncrementalBaseAsync("group:42"));
    }

    [Fact]
    public async Task GetResumableAsync_FailedRun_IsResumableAndCheckpointRevivesIt()
    {
        var run = await Sweeps.StartAsync("group:42");
        await Sweeps.CheckpointAsync(run.Id, "page=2", new SweepProgress(200, 0));
        await Sweeps.FinishAsync(run.Id, SweepStatus.Failed, "page 3: HTTP 500");

        var failed = await Sweeps.GetResumableAsync("group:42");
        Assert.Equal((SweepStatus.Failed, "page 3: HTTP 500", "page=2"), (failed!.Status, failed.Error!, failed.Cursor!));

        Assert.True(await Sweeps.CheckpointAsync(run.Id, "page=3", new SweepProgress(300, 1)));
        Assert.Equal(SweepStatus.Running, (await Sweeps.GetAsync(run.Id))!.Status);
        Assert.Null(await Sweeps.GetLastSuccessfulStartAsync("group:42"));
    }

    [Fact]
    public async Task StartAsync_WhileOlderRunUnfinished_AbandonsOlderSoItsCheckpointsAreRefused()
    {
        var older = await Sweeps.StartAsync("group:42");
        Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await Sweeps.StartAsync("group:42");

        Assert.False(await Sweeps.CheckpointAsync(older.Id, "page=9", SweepProgress.None));
        Assert.Equal(SweepStatus.Abandoned, (await Sweeps.GetAsync(older.Id))!.Status);
        Assert.Equal(newer.Id, (await Sweeps.GetResumableAsync("group:42"))!.Id);
    }

    [Fact]
    public async Task AdvanceAsync_Watermark_OnlyMovesForward()
    {
        var watermarks = Store.Watermarks;
        Assert.Null(await watermarks.GetAsync("project:7"));

        Assert.True(await watermarks.AdvanceAsync("project:7", Start));
        Assert.False(await watermarks.AdvanceAsync("project:7", Start.AddMinutes(-5)));
        Assert.True(await watermarks.AdvanceAsync("project:7", Start.AddMinutes(5)));

        Assert.Equal(Start.AddMinutes(5), await watermarks.GetAsync("project:7"));
        Assert.Null(await watermarks.GetAsync("project:8"));
    }
}

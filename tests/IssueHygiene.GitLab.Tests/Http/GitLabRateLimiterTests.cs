using IssueHygiene.GitLab.Http;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLab.Tests.Http;

public sealed class GitLabRateLimiterTests
{
    [Fact]
    public async Task AcquireNoteCreationAsync_SixtyPerMinute_PacesOnePerSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 2000, notesPerMinute: 60, time);

        var first = limiter.AcquireNoteCreationAsync(CancellationToken.None);
        var second = limiter.AcquireNoteCreationAsync(CancellationToken.None);
        var third = limiter.AcquireNoteCreationAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), await second);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), await third);
    }

    [Fact]
    public async Task AcquireNoteCreationAsync_AnyMinuteWindow_NeverExceedsTheLimit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 2000, notesPerMinute: 10, time);
        var start = time.GetUtcNow();
        var grantedAt = new List<DateTimeOffset>();

        for (var i = 0; i < 25; i++)
        {
            var acquire = limiter.AcquireNoteCreationAsync(CancellationToken.None);
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await acquire;
            grantedAt.Add(time.GetUtcNow());
        }

        foreach (var windowStart in grantedAt)
        {
            var inWindow = grantedAt.Count(t => t >= windowStart && t < windowStart.AddMinutes(1));
            Assert.True(inWindow <= 10, $"{inWindow} note creations within a minute from {windowStart - start}");
        }
    }

    [Fact]
    public async Task AcquireRequestAsync_BurstThenPaced_KeepsWithinRequestsPerMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 120, notesPerMinute: 60, time);

        // One second's worth (2) passes at once; the third waits for its slot.
        Assert.Equal(TimeSpan.Zero, await limiter.AcquireRequestAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await limiter.AcquireRequestAsync(CancellationToken.None));
        var third = limiter.AcquireRequestAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await third) > TimeSpan.Zero);
    }

    [Fact]
    public async Task PauseUntil_SetWhileCallersWait_HoldsEveryCaller()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 2000, notesPerMinute: 60, time);
        limiter.PauseUntil(time.GetUtcNow().AddSeconds(5));

        var a = limiter.AcquireRequestAsync(CancellationToken.None);
        var b = limiter.AcquireNoteCreationAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        // A second 429 extends the pause: those already waiting obey it too.
        limiter.PauseUntil(time.GetUtcNow().AddSeconds(10));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(a.IsCompleted);
        Assert.False(b.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(TimeSpan.FromSeconds(13), await a);
        Assert.Equal(TimeSpan.FromSeconds(13), await b);
    }

    [Fact]
    public void PauseUntil_EarlierThanCurrentPause_KeepsTheLongerPause()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 2000, notesPerMinute: 60, time);

        limiter.PauseUntil(time.GetUtcNow().AddSeconds(30));
        limiter.PauseUntil(time.GetUtcNow().AddSeconds(5));

        Assert.Equal(time.GetUtcNow().AddSeconds(30), limiter.PausedUntil);
    }

    [Fact]
    public async Task AcquireRequestAsync_CancelledWhileWaiting_Throws()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new GitLabRateLimiter(requestsPerMinute: 2000, notesPerMinute: 60, time);
        limiter.PauseUntil(time.GetUtcNow().AddMinutes(1));
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireRequestAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}

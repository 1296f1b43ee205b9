using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Http;
using IssueHygiene.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.ScaleOut;

/// <summary>The fleet's share of GitLab's rate limit and the sweep lease's lifetime, as configured.</summary>
public sealed class FleetConfigurationTests
{
    [Theory]
    [InlineData(2000, 1, 2000)]
    [InlineData(2000, 3, 666)]
    [InlineData(60, 3, 20)]
    [InlineData(60, 7, 8)]
    [InlineData(2, 5, 1)]
    public void ReplicaShare_FleetBudgetOverReplicas_SharesNeverAddUpToMore(int fleet, int replicas, int expected)
    {
        var share = GitLabRateLimiter.ReplicaShare(fleet, replicas);

        Assert.Equal(expected, share);
        Assert.True(share * replicas <= Math.Max(fleet, replicas));
    }

    [Fact]
    public async Task RateLimiter_ThreeReplicaShare_PacesNotesToAThird()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new GitLabRateLimiter(new GitLabOptions { BaseUrl = "http://127.0.0.1", NotesPerMinute = 60, ReplicaCount = 3 }, time);

        // 20 note creations per minute for this replica: the second waits 3 s, not GitLab.com's 1 s.
        await limiter.AcquireNoteCreationAsync(CancellationToken.None);
        var second = limiter.AcquireNoteCreationAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));

        // The limiter reports how long it waited, read from the fake clock when its timer fired: released by the second
        // step (3.1 s), not by the first (a 1 s pace would have fired inside the 2.9 s step).
        Assert.Equal(TimeSpan.FromSeconds(3.1), await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void GitLabOptionsValidator_ReplicaCountZero_ClearError()
    {
        var result = new GitLabOptionsValidator().Validate(null, new GitLabOptions { BaseUrl = "https://gitlab.example.com", Token = "t", ReplicaCount = 0 });

        Assert.True(result.Failed);
        Assert.Contains("GitLab:ReplicaCount must be at least 1 (got 0).", result.Failures!);
    }

    [Fact]
    public void BindOptions_LeaseTtlBelowThreeSeconds_UsageErrorNamesTheKey()
    {
        var error = Assert.Throws<IssueHygiene.Hosting.UsageException>(() =>
            AppConfiguration.BindOptions(AppConfiguration.Build(new Dictionary<string, string?> { ["Schedule:LeaseTtl"] = "00:00:01" })));

        Assert.Contains("Schedule:LeaseTtl 00:00:01 is shorter than 3 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindOptions_LeaseTtlConfigured_Bound()
    {
        var options = AppConfiguration.BindOptions(AppConfiguration.Build(new Dictionary<string, string?>
        {
            ["Schedule:LeaseTtl"] = "00:00:30",
            ["GitLab:BaseUrl"] = "https://gitlab.example.com",
            ["GitLab:Token"] = "t",
        }));

        Assert.Equal(TimeSpan.FromSeconds(30), options.Schedule.LeaseTtl);
    }
}

using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Storage.Tests;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(6, 320)]
    [InlineData(7, 600)]
    [InlineData(200, 600)]
    public void DelayAfter_Attempts_DoublesFromBaseUpToCap(int attempts, int expectedSeconds)
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.DelayAfter(attempts));
    }

    [Fact]
    public void DelayAfter_ZeroAttempts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.DelayAfter(0));
    }
}

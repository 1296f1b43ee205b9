namespace IssueHygiene.Storage.Deliveries;

/// <summary>Exponential backoff: attempt n waits <c>min(BaseDelay * 2^(n-1), MaxDelay)</c>; dead letter after <see cref="MaxAttempts"/>.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));

    public TimeSpan DelayAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // Doubling overflows TimeSpan after ~60 steps; the cap is reached long before that anyway.
        var exponent = Math.Min(attempts - 1, 30);
        var ticks = BaseDelay.Ticks * (double)(1L << exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}

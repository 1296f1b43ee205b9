namespace IssueHygiene.Tests.Sweep;

/// <summary>
/// A clock that runs <c>speed</c> times faster than real time from now on: the simulator's one-minute rate-limit
/// windows pass in seconds, so a test can hit real 429s (with their Retry-After) and still finish quickly.
/// </summary>
internal sealed class AcceleratedTimeProvider(double speed) : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + (System.GetElapsedTime(_startTimestamp) * speed);
}

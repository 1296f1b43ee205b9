namespace IssueHygiene.Tests.Sweep;

/// <summary>
/// Real time moved forward by <see cref="Advance"/>: days can pass in a test while timers, delays and timeouts keep
/// running in real time (a frozen fake clock would stall the HTTP client's pacing and retries).
/// </summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _initialShift = start - System.GetUtcNow();
    private long _extraTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _initialShift + TimeSpan.FromTicks(Interlocked.Read(ref _extraTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _extraTicks, by.Ticks);
}

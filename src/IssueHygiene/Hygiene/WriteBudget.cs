namespace IssueHygiene.Hygiene;

/// <summary>
/// <c>maxWritesPerRun</c>: the blast radius of one run. A plan is taken whole or not at all, so an issue is never
/// left half-written; once exhausted, the run stops writing and says so.
/// </summary>
public sealed class WriteBudget(int? limit)
{
    private int _used;
    private int _exhausted;

    public static WriteBudget Unlimited => new(null);

    public int? Limit { get; } = limit;

    public int Used => Volatile.Read(ref _used);

    /// <summary>True once a plan was refused for lack of budget.</summary>
    public bool Exhausted => Volatile.Read(ref _exhausted) == 1;

    /// <summary>Reserves <paramref name="writes"/> writes; false (and exhausted from then on) when they do not fit.</summary>
    public bool TryReserve(int writes)
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (Limit is { } max && used + writes > max)
            {
                Volatile.Write(ref _exhausted, 1);
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + writes, used) == used)
            {
                return true;
            }
        }
    }
}

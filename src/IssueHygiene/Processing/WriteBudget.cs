namespace IssueHygiene.Processing;

/// <summary>
/// <c>maxWritesPerRun</c>: the blast radius of one run. A plan is taken whole or not at all, so an issue is never
/// left half-written; once a plan does not fit, the run stops writing and says so. A dry run asks the same question
/// of every plan but plans on regardless, so its report can say where a live run would stop.
/// </summary>
public sealed class WriteBudget(int? limit)
{
    private int _used;
    private int _planned;
    private int _exhausted;

    public static WriteBudget Unlimited => new(null);

    public int? Limit { get; } = limit;

    /// <summary>Writes within the budget: made (live) or that a live run would make (dry run).</summary>
    public int Used => Volatile.Read(ref _used);

    /// <summary>Every write planned, within the budget or not.</summary>
    public int Planned => Volatile.Read(ref _planned);

    /// <summary>True once a plan was refused for lack of budget (in a dry run: would have been).</summary>
    public bool Exhausted => Volatile.Read(ref _exhausted) == 1;

    /// <summary>
    /// Reserves <paramref name="writes"/> writes; false (and exhausted from then on) when they do not fit. Once
    /// exhausted nothing more is reserved, so a live run makes no write after its first refusal.
    /// </summary>
    public bool TryReserve(int writes)
    {
        Interlocked.Add(ref _planned, writes);
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (Exhausted || (Limit is { } max && used + writes > max))
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

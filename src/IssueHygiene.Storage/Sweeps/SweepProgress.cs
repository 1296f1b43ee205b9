namespace IssueHygiene.Storage.Sweeps;

/// <summary>A run's running totals.</summary>
public sealed record SweepProgress(long IssuesSeen, long Writes)
{
    public static SweepProgress None { get; } = new(0, 0);
}

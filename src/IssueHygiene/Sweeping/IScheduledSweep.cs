namespace IssueHygiene.Sweeping;

/// <summary>The job the scheduler starts: one sweep of every configured scope, on at most one replica.</summary>
public interface IScheduledSweep
{
    /// <summary>When the last successful sweep started (any scope), for missed-run detection.</summary>
    Task<DateTimeOffset?> LastSuccessfulStartAsync(CancellationToken cancellationToken);

    /// <summary>Sweeps if this replica gets the lease; false when another replica holds it.</summary>
    Task<bool> RunAsync(CancellationToken cancellationToken);
}

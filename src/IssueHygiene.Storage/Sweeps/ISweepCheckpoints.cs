namespace IssueHygiene.Storage.Sweeps;

/// <summary>
/// Sweep runs and their progress per scope, so a crashed or failed sweep resumes after its last
/// completed page, and incremental sweeps know when the last good one started.
/// </summary>
public interface ISweepCheckpoints
{
    /// <summary>
    /// Starts a run of the scope (any unfinished run of the same scope is marked abandoned: resume it
    /// with <see cref="GetResumableAsync"/> instead of starting when you want to continue it).
    /// </summary>
    Task<SweepRun> StartAsync(string scopeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that every page up to <paramref name="cursor"/> is done, with the run's totals so far
    /// (a failed run being resumed is running again). False when the run is finished or was abandoned
    /// for a newer one: the sweep should stop.
    /// </summary>
    Task<bool> CheckpointAsync(string runId, string cursor, SweepProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Ends a running run; <paramref name="error"/> for a failed one. False when it was not running.</summary>
    Task<bool> FinishAsync(string runId, SweepStatus status, string? error = null, CancellationToken cancellationToken = default);

    /// <summary>The scope's latest run if it is unfinished (crashed) or failed; null when the latest run succeeded or there is none.</summary>
    Task<SweepRun?> GetResumableAsync(string scopeKey, CancellationToken cancellationToken = default);

    Task<SweepRun?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Start time of the scope's last successful run: the safe <c>updated_after</c> of the next incremental
    /// sweep (issues changed while that run was going are seen again, never missed).
    /// </summary>
    Task<DateTimeOffset?> GetLastSuccessfulStartAsync(string scopeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Start time of the scope's last successful run that every issue got through (finished without an
    /// <c>error</c>): the <c>updated_after</c> of the next incremental sweep. A run that succeeded with some issues
    /// stopped by GitLab errors does not move it, so those issues are looked at again rather than lost until they change.
    /// </summary>
    Task<DateTimeOffset?> GetIncrementalBaseAsync(string scopeKey, CancellationToken cancellationToken = default);
}

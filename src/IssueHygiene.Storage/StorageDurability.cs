namespace IssueHygiene.Storage;

/// <summary>How hard a commit tries to survive a crash of the machine (not just of the process).</summary>
public enum StorageDurability
{
    /// <summary>A commit is on disk (fsync) before it returns: SQLite <c>synchronous=FULL</c>, PostgreSQL <c>synchronous_commit=on</c>.</summary>
    Full,

    /// <summary>
    /// A commit survives a process crash but may be lost on a power cut: SQLite <c>synchronous=NORMAL</c>,
    /// PostgreSQL <c>synchronous_commit=off</c>. Only for benchmarks and throw-away data.
    /// </summary>
    Relaxed,
}

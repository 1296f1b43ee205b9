namespace IssueHygiene.Storage.LintNotes;

/// <summary>
/// Where each issue's sticky lint note is and what it last said, so the actuator can skip unchanged
/// findings (compare the hash) and a sweep can find clean issues that still carry an open note
/// without listing notes; plus per-issue rule waivers.
/// </summary>
public interface ILintNoteIndex
{
    Task<LintNoteEntry?> GetAsync(long projectId, long issueIid, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the entry of (project, issue).</summary>
    Task UpsertAsync(LintNoteEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Forgets the note (it was deleted); false when there was no entry.</summary>
    Task<bool> RemoveAsync(long projectId, long issueIid, CancellationToken cancellationToken = default);

    /// <summary>Issues of the project whose note still shows findings (<see cref="LintNoteState.Open"/>), by iid.</summary>
    Task<IReadOnlyList<LintNoteEntry>> ListOpenAsync(long projectId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the waiver of (project, issue, rule).</summary>
    Task UpsertWaiverAsync(Waiver waiver, CancellationToken cancellationToken = default);

    Task<bool> RemoveWaiverAsync(long projectId, long issueIid, string ruleId, CancellationToken cancellationToken = default);

    /// <summary>Waivers of the issue in force on <paramref name="today"/> (no end date, or ending today or later), by rule id.</summary>
    Task<IReadOnlyList<Waiver>> ListActiveWaiversAsync(long projectId, long issueIid, DateOnly today, CancellationToken cancellationToken = default);
}

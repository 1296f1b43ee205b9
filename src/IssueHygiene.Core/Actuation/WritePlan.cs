using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Actuation;

/// <summary>
/// What to write for one issue, in order, and the lint-note state to remember afterwards. Writes are values: a dry
/// run reports them, a live run executes exactly them.
/// </summary>
/// <param name="Writes">The writes, in the order they must be made.</param>
/// <param name="NoteHash">The state hash the sticky note stands for after the writes (null: no note).</param>
/// <param name="KeptNoteId">The existing note kept (edited or left alone); null when a note is created or none exists.</param>
public sealed record WritePlan(IReadOnlyList<PlannedWrite> Writes, string? NoteHash, long? KeptNoteId)
{
    public static WritePlan Nothing { get; } = new([], null, null);

    public bool IsEmpty => Writes.Count == 0;

    /// <summary>
    /// True when a write replaces text a person may have edited since the snapshot (a redacted description): such a
    /// plan is always made again from GitLab's current state before it is executed.
    /// </summary>
    public bool ReplacesText => Writes.Any(w => w.Change?.ReplacesText == true);

    /// <summary>This plan's writes, then <paramref name="next"/>'s (the lint-note state is whichever plan has one).</summary>
    public WritePlan Then(WritePlan next) =>
        next.IsEmpty ? this : IsEmpty ? next : new([.. Writes, .. next.Writes], NoteHash ?? next.NoteHash, KeptNoteId ?? next.KeptNoteId);
}

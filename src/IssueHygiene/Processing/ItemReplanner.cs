using IssueHygiene.Core.Actuation;

namespace IssueHygiene.Processing;

/// <summary>
/// Reads a work item's current state from GitLab and plans its writes again (called by the <see cref="Actuator"/> under
/// the item's write lock). With <paramref name="trustNoteIndex"/> false the item's notes are listed rather than taken
/// from the lint-note index (a remembered note turned out to be gone).
/// </summary>
public delegate Task<WritePlan> ItemReplanner(bool trustNoteIndex, CancellationToken cancellationToken);

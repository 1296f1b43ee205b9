using IssueHygiene.Core.Actuation;

namespace IssueHygiene.Processing;

/// <summary>
/// Plans one issue's writes again from GitLab's current state (under the issue's write lock). With
/// <paramref name="trustNoteIndex"/> false the issue's notes are listed rather than taken from the lint-note index
/// (a remembered note turned out to be gone).
/// </summary>
public delegate Task<WritePlan> Replanner(PlanBasis current, bool trustNoteIndex, CancellationToken cancellationToken);

using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Actuation;

/// <summary>
/// A note on the issue that carries IssueHygiene's marker (there should be at most one), with the state hash its
/// second line records (null when it has none). Comes from listing notes, or from the lint-note index.
/// </summary>
public sealed record ExistingNote(long Id, string? StateHash)
{
    /// <summary>The waivers the note records (known only when it was read from GitLab, not from the index).</summary>
    public IReadOnlyList<Evaluation.RuleWaiver> Waivers { get; init; } = [];

    /// <summary>From a note body as GitLab returns it.</summary>
    public static ExistingNote FromBody(long id, string body) => new(id, LintNote.StateHashOf(body)) { Waivers = WaiverMarker.Parse(body) };
}

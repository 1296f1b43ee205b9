using IssueHygiene.Core.Actuation;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// One write to GitLab, exactly as it would be (dry run) or was (live) made: a structured record, not prose, so a
/// dry-run report shows precisely the note body, the quick actions or the issue change — and a live run sends exactly
/// this (the Actuator executes writes, it does not re-derive them).
/// </summary>
public sealed record PlannedWrite
{
    public required WriteKind Kind { get; init; }

    /// <summary>The note edited or deleted.</summary>
    public long? NoteId { get; init; }

    /// <summary>The note body posted or written (for note-create / note-edit), quick actions not included.</summary>
    public string? Body { get; init; }

    /// <summary>Quick actions carried (in a note-create, or a commands-only note).</summary>
    public IReadOnlyList<string> QuickActions { get; init; } = [];

    /// <summary>The issue change of a <see cref="WriteKind.RestUpdate"/>.</summary>
    public IssueChange? Change { get; init; }

    /// <summary>A note visible to project members only (GitLab's <c>internal</c>), e.g. the secret-leak response.</summary>
    public bool Internal { get; init; }

    /// <summary>The write creates or edits the issue's sticky lint note (whose id the lint-note index remembers).</summary>
    public bool IsLintNote { get; init; }

    /// <summary>Rules the write serves.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The issue change as REST fields (<c>add_labels</c>, <c>milestone_id</c>, …), for reports.</summary>
    public IReadOnlyDictionary<string, string> RestFields =>
        Change is null ? EmptyFields : Change.Fields().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>The body GitLab receives for a note-create or commands-only note: text, then the quick actions.</summary>
    public string NoteRequestBody() => (Body, QuickActions.Count) switch
    {
        (null, _) => string.Join("\n", QuickActions),
        (_, 0) => Body,
        _ => Body + "\n\n" + string.Join("\n", QuickActions),
    };

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();
}

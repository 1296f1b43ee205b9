namespace IssueHygiene.Core.Reporting;

/// <summary>
/// One write to GitLab, exactly as it would be (dry run) or was (live) made: a structured record, not prose, so a
/// dry-run report shows precisely the note body, the quick actions or the REST fields.
/// </summary>
public sealed record PlannedWrite
{
    public required WriteKind Kind { get; init; }

    /// <summary>The note edited or deleted.</summary>
    public long? NoteId { get; init; }

    /// <summary>The note body posted or written (for note-create / note-edit).</summary>
    public string? Body { get; init; }

    /// <summary>Quick actions carried (in a note-create, or a commands-only note).</summary>
    public IReadOnlyList<string> QuickActions { get; init; } = [];

    /// <summary>REST fields of an issue update (<c>add_labels</c>, <c>milestone_id</c>, …).</summary>
    public IReadOnlyDictionary<string, string> RestFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Rules the write serves.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

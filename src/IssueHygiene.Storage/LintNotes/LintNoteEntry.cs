namespace IssueHygiene.Storage.LintNotes;

/// <summary>The sticky note of one issue: its GitLab note id and the hash of the findings it shows.</summary>
public sealed record LintNoteEntry(
    long ProjectId,
    long IssueIid,
    long NoteId,
    string FindingsHash,
    LintNoteState State,
    DateTimeOffset UpdatedAt);

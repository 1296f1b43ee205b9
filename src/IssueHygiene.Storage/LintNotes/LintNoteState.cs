namespace IssueHygiene.Storage.LintNotes;

public enum LintNoteState
{
    /// <summary>The note lists findings.</summary>
    Open,

    /// <summary>The note was edited to the short "all resolved" text.</summary>
    Resolved,
}

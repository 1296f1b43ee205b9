namespace IssueHygiene.Storage.Audit;

/// <summary>The kinds of write of docs/architecture.md §5 (stored as <c>note-create</c>, <c>note-edit</c>, …).</summary>
public enum AuditWriteKind
{
    NoteCreate,
    NoteEdit,
    NoteDelete,
    QuickActions,
    RestUpdate,
    IssueCreate,
    IssueEdit,
}

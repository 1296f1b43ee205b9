namespace IssueHygiene.Core.Reporting;

/// <summary>The kinds of write IssueHygiene makes to GitLab (their JSON names are a contract).</summary>
public enum WriteKind
{
    NoteCreate,
    NoteEdit,
    NoteDelete,
    QuickActions,
    RestUpdate,

    /// <summary>An issue created (the scope's summary issue, the first time).</summary>
    IssueCreate,

    /// <summary>An issue's title or description replaced (the summary issue, edited in place).</summary>
    IssueEdit,
}

/// <summary>The contract names of <see cref="WriteKind"/>.</summary>
public static class WriteKindNames
{
    public static string Name(this WriteKind kind) => kind switch
    {
        WriteKind.NoteCreate => "note-create",
        WriteKind.NoteEdit => "note-edit",
        WriteKind.NoteDelete => "note-delete",
        WriteKind.QuickActions => "quick-actions",
        WriteKind.IssueCreate => "issue-create",
        WriteKind.IssueEdit => "issue-edit",
        _ => "rest-update",
    };
}

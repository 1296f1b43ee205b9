using System.Diagnostics.CodeAnalysis;

namespace IssueHygiene.Storage.Audit;

/// <summary>The contract spelling of <see cref="AuditWriteKind"/> (report JSON <c>plannedWrites[].kind</c>).</summary>
public static class AuditWriteKindNames
{
    public static string ToWireName(this AuditWriteKind kind) => kind switch
    {
        AuditWriteKind.NoteCreate => "note-create",
        AuditWriteKind.NoteEdit => "note-edit",
        AuditWriteKind.NoteDelete => "note-delete",
        AuditWriteKind.QuickActions => "quick-actions",
        AuditWriteKind.RestUpdate => "rest-update",
        AuditWriteKind.IssueCreate => "issue-create",
        AuditWriteKind.IssueEdit => "issue-edit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown write kind"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out AuditWriteKind? kind)
    {
        kind = name switch
        {
            "note-create" => AuditWriteKind.NoteCreate,
            "note-edit" => AuditWriteKind.NoteEdit,
            "note-delete" => AuditWriteKind.NoteDelete,
            "quick-actions" => AuditWriteKind.QuickActions,
            "rest-update" => AuditWriteKind.RestUpdate,
            "issue-create" => AuditWriteKind.IssueCreate,
            "issue-edit" => AuditWriteKind.IssueEdit,
            _ => null,
        };
        return kind is not null;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// The kinds of write IssueHygiene makes to GitLab: the one enumeration reports, the audit log and metrics share
/// (their names, <see cref="WriteKindNames"/>, are a contract).
/// </summary>
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

/// <summary>The contract names of <see cref="WriteKind"/> (report JSON <c>plannedWrites[].kind</c>, audit <c>kind</c>).</summary>
public static class WriteKindNames
{
    public static string Name(this WriteKind kind) => kind switch
    {
        WriteKind.NoteCreate => "note-create",
        WriteKind.NoteEdit => "note-edit",
        WriteKind.NoteDelete => "note-delete",
        WriteKind.QuickActions => "quick-actions",
        WriteKind.RestUpdate => "rest-update",
        WriteKind.IssueCreate => "issue-create",
        WriteKind.IssueEdit => "issue-edit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown write kind"),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out WriteKind? kind)
    {
        kind = null;
        foreach (var candidate in Enum.GetValues<WriteKind>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }
}

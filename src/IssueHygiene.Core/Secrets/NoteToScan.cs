using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Secrets;

/// <summary>A note (comment) of an issue to scan for credentials, with the author to tell about it.</summary>
/// <param name="Id">GitLab's note id (what <c>#note_123</c> links to).</param>
/// <param name="Body">The note's Markdown as GitLab holds it.</param>
/// <param name="Author">Who wrote it (mentioned in the response), when known.</param>
/// <param name="IsSystem">GitLab's own notes ("changed the description"): never scanned.</param>
public sealed record NoteToScan(long Id, string Body, UserRef? Author = null, bool IsSystem = false)
{
    /// <summary>Keeps a note's body out of logs and reports if a record is ever printed.</summary>
    public override string ToString() => $"note {Id}";
}

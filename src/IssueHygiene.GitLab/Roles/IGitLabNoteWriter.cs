using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.GitLab;

/// <summary>Creates, edits and deletes issue notes (the Actuator's note writes).</summary>
public interface IGitLabNoteWriter
{
    /// <summary>
    /// Creates a note (paced by the notes-per-minute budget). Never retried after a 5xx or a timeout:
    /// the note may exist, so the caller re-checks (by its marker) before trying again.
    /// </summary>
    Task<NoteCreateResult> CreateIssueNoteAsync(IdOrPath project, long issueIid, string body, bool isInternal = false, CancellationToken cancellationToken = default);

    Task<GitLabNote> UpdateIssueNoteAsync(IdOrPath project, long issueIid, long noteId, string body, CancellationToken cancellationToken = default);

    Task DeleteIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default);
}

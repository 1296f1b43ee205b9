using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>
/// The merge-request endpoints the "Code review" rules use: lists with filters, one MR, its changed files, and the
/// notes that carry the sticky lint note. Failures are typed as for <see cref="IGitLabClient"/>.
/// </summary>
public interface IGitLabMergeRequests
{
    IAsyncEnumerable<GitLabMergeRequest> ListProjectMergeRequestsAsync(IdOrPath project, MergeRequestQuery query, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabMergeRequest> ListGroupMergeRequestsAsync(IdOrPath group, MergeRequestQuery query, CancellationToken cancellationToken = default);

    Task<GitLabMergeRequest> GetMergeRequestAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changed files (<c>GET …/merge_requests/:iid/diffs</c>, paginated; GitLab 15.7+). The older
    /// <c>…/changes</c> endpoint is deprecated and capped at the diff limits, so it is not used.
    /// </summary>
    IAsyncEnumerable<GitLabMergeRequestDiff> ListMergeRequestDiffsAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default);

    /// <summary>One note of a merge request (a comment command is read from GitLab, never from the hook payload).</summary>
    Task<GitLabNote> GetMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabNote> ListMergeRequestNotesAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a note (paced like issue notes; never retried after a 5xx or a timeout). <paramref name="isInternal"/>:
    /// visible to project members only (GitLab 16.9+ on merge requests).
    /// </summary>
    Task<NoteCreateResult> CreateMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, string body, bool isInternal = false, CancellationToken cancellationToken = default);

    /// <summary>Replaces the title and/or the description (null: unchanged); a secret-leak redaction.</summary>
    Task<GitLabMergeRequest> UpdateMergeRequestAsync(IdOrPath project, long mergeRequestIid, string? title, string? description, CancellationToken cancellationToken = default);

    Task<GitLabNote> UpdateMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken = default);

    Task DeleteMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the group (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetGroupEffectiveAccessLevelAsync(IdOrPath group, long userId, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the project (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetEffectiveAccessLevelAsync(IdOrPath project, long userId, CancellationToken cancellationToken = default);
}

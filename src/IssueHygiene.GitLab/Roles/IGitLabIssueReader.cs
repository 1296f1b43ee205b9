using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>Reads issues and their notes: what the sweep, the poller and the issue processor read.</summary>
public interface IGitLabIssueReader
{
    IAsyncEnumerable<GitLabIssue> ListProjectIssuesAsync(IdOrPath project, IssueQuery query, CancellationToken cancellationToken = default);

    /// <summary>Group issues (offset pagination only: GitLab offers no keyset here).</summary>
    IAsyncEnumerable<GitLabIssue> ListGroupIssuesAsync(IdOrPath group, IssueQuery query, CancellationToken cancellationToken = default);

    Task<GitLabIssue> GetIssueAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default);

    /// <summary>One note as GitLab has it now (author and body are GitLab's word, not a payload's).</summary>
    Task<GitLabNote> GetIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default);
}

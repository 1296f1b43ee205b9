using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>
/// Everything the service asks of GitLab. Failures are typed (<see cref="Errors.GitLabNotFoundException"/>,
/// <see cref="Errors.GitLabAuthException"/>, <see cref="Errors.GitLabApiException"/>,
/// <see cref="Errors.GitLabInvalidResponseException"/>, <see cref="Errors.GitLabTransportException"/>);
/// a list whose page fails throws — it never ends early.
/// </summary>
public interface IGitLabClient
{
    /// <summary>While the returned scope lives, calls from this async flow echo <c>X-Gitlab-Event-UUID</c>.</summary>
    EventUuidEchoScope EchoEventUuid(string eventUuid);

    Task<GitLabUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    Task<GitLabProject> GetProjectAsync(IdOrPath project, CancellationToken cancellationToken = default);

    Task<GitLabGroup> GetGroupAsync(IdOrPath group, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(IdOrPath group, bool includeSubgroups = true, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabIssue> ListProjectIssuesAsync(IdOrPath project, IssueQuery query, CancellationToken cancellationToken = default);

    /// <summary>Group issues (offset pagination only: GitLab offers no keyset here).</summary>
    IAsyncEnumerable<GitLabIssue> ListGroupIssuesAsync(IdOrPath group, IssueQuery query, CancellationToken cancellationToken = default);

    Task<GitLabIssue> GetIssueAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default);

    /// <summary>Creates an issue (the scope's summary issue).</summary>
    Task<GitLabIssue> CreateIssueAsync(IdOrPath project, IssueCreate issue, CancellationToken cancellationToken = default);

    Task<GitLabIssue> UpdateIssueAsync(IdOrPath project, long issueIid, IssueUpdate update, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default);

    /// <summary>One note as GitLab has it now (author and body are GitLab's word, not a payload's).</summary>
    Task<GitLabNote> GetIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a note (paced by the notes-per-minute budget). Never retried after a 5xx or a timeout:
    /// the note may exist, so the caller re-checks (by its marker) before trying again.
    /// </summary>
    Task<NoteCreateResult> CreateIssueNoteAsync(IdOrPath project, long issueIid, string body, bool isInternal = false, CancellationToken cancellationToken = default);

    Task<GitLabNote> UpdateIssueNoteAsync(IdOrPath project, long issueIid, long noteId, string body, CancellationToken cancellationToken = default);

    Task DeleteIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default);

    /// <summary>Project milestones, with those of ancestor groups when <paramref name="includeAncestors"/>.</summary>
    IAsyncEnumerable<GitLabMilestone> ListProjectMilestonesAsync(IdOrPath project, bool includeAncestors = true, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabMilestone> ListGroupMilestonesAsync(IdOrPath group, bool includeAncestors = true, CancellationToken cancellationToken = default);

    Task<GitLabMilestone> CreateGroupMilestoneAsync(IdOrPath group, MilestoneCreate milestone, CancellationToken cancellationToken = default);

    /// <summary>Project labels, with inherited group labels when <paramref name="includeAncestorGroups"/>.</summary>
    IAsyncEnumerable<GitLabLabel> ListProjectLabelsAsync(IdOrPath project, bool includeAncestorGroups = true, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabLabel> ListGroupLabelsAsync(IdOrPath group, CancellationToken cancellationToken = default);

    Task<GitLabLabel> CreateProjectLabelAsync(IdOrPath project, LabelCreate label, CancellationToken cancellationToken = default);

    Task<GitLabLabel> CreateGroupLabelAsync(IdOrPath group, LabelCreate label, CancellationToken cancellationToken = default);

    /// <summary>Updates a project label named by id or title.</summary>
    Task<GitLabLabel> UpdateProjectLabelAsync(IdOrPath project, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default);

    Task<GitLabLabel> UpdateGroupLabelAsync(IdOrPath group, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the project (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetEffectiveAccessLevelAsync(IdOrPath project, long userId, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the group (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetGroupEffectiveAccessLevelAsync(IdOrPath group, long userId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabHook> ListProjectHooksAsync(IdOrPath project, CancellationToken cancellationToken = default);

    Task<GitLabHook> CreateProjectHookAsync(IdOrPath project, ProjectHookCreate hook, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabHook> ListGroupHooksAsync(IdOrPath group, CancellationToken cancellationToken = default);
}

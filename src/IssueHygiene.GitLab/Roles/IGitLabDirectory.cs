using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.GitLab;

/// <summary>Who is who: the token's user, projects, groups and members' access.</summary>
public interface IGitLabDirectory
{
    Task<GitLabUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    Task<GitLabProject> GetProjectAsync(IdOrPath project, CancellationToken cancellationToken = default);

    Task<GitLabGroup> GetGroupAsync(IdOrPath group, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(IdOrPath group, bool includeSubgroups = true, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the project (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetEffectiveAccessLevelAsync(IdOrPath project, long userId, CancellationToken cancellationToken = default);

    /// <summary>The user's effective access to the group (inherited included); <see cref="GitLabAccessLevel.None"/> when not a member.</summary>
    Task<GitLabAccessLevel> GetGroupEffectiveAccessLevelAsync(IdOrPath group, long userId, CancellationToken cancellationToken = default);
}

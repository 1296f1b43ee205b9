using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>Project and group webhooks (<c>doctor</c>, <c>serve</c>'s registration).</summary>
public interface IGitLabHooks
{
    IAsyncEnumerable<GitLabHook> ListProjectHooksAsync(IdOrPath project, CancellationToken cancellationToken = default);

    Task<GitLabHook> CreateProjectHookAsync(IdOrPath project, ProjectHookCreate hook, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabHook> ListGroupHooksAsync(IdOrPath group, CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;

namespace IssueHygiene.Webhooks;

/// <summary>
/// Whether the worker may act on a project: its id is resolved to the path GitLab gives it (cached for
/// <see cref="CacheFor"/>) and matched against the scopes. A payload's <c>path_with_namespace</c> is only a hint for
/// dropping deliveries early; a payload naming an in-scope path with an out-of-scope id is acted on by id, so it is
/// this check that counts.
/// </summary>
public sealed class ProjectScope(WebhookScopeFilter filter, IGitLabDirectory gitLab, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<long, (string? Path, DateTimeOffset Until)> _paths = new();

    public async Task<bool> ContainsAsync(long projectId, CancellationToken cancellationToken)
    {
        if (projectId <= 0)
        {
            return false;
        }

        if (filter.IsUnrestricted || filter.Contains(projectId, null))
        {
            return true;
        }

        var now = time.GetUtcNow();
        if (!_paths.TryGetValue(projectId, out var cached) || cached.Until <= now)
        {
            string? path;
            try
            {
                path = (await gitLab.GetProjectAsync(IdOrPath.FromId(projectId), cancellationToken)).PathWithNamespace;
            }
            catch (GitLabNotFoundException)
            {
                path = null;
            }

            cached = (path, now + CacheFor);
            _paths[projectId] = cached;
        }

        return cached.Path is { } resolved && filter.Contains(projectId, resolved);
    }
}

using System.Net;

namespace IssueHygiene.GitLab.Errors;

/// <summary>404: the resource does not exist or the token may not see it (GitLab does not say which).</summary>
public sealed class GitLabNotFoundException : GitLabApiException
{
    public GitLabNotFoundException(string endpoint, string resource, string? bodyExcerpt)
        : base(
            $"GitLab has no {resource} visible to this token (404 from {endpoint}).",
            HttpStatusCode.NotFound,
            endpoint,
            resource,
            bodyExcerpt)
    {
    }
}

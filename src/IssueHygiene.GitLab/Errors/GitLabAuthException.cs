using System.Net;

namespace IssueHygiene.GitLab.Errors;

/// <summary>401 (the token is missing, wrong, expired or revoked) or 403 (the token's user may not do this).</summary>
public sealed class GitLabAuthException : GitLabApiException
{
    public GitLabAuthException(HttpStatusCode statusCode, string endpoint, string resource, string? bodyExcerpt)
        : base(
            statusCode == HttpStatusCode.Unauthorized
                ? $"GitLab rejected the access token (401 from {endpoint} for {resource}): check GitLab:Token / GitLab:TokenFile."
                : $"The token's user may not access {resource} (403 from {endpoint}){(string.IsNullOrEmpty(bodyExcerpt) ? "." : $": {bodyExcerpt}")}",
            statusCode,
            endpoint,
            resource,
            bodyExcerpt)
    {
    }
}

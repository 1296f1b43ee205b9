using System.Net;

namespace IssueHygiene.GitLab.Errors;

/// <summary>
/// GitLab (or something in front of it) answered with a body this client cannot use: HTML instead of
/// JSON (a login page, a proxy error), truncated or malformed JSON, or an unusable pagination header.
/// </summary>
public sealed class GitLabInvalidResponseException : GitLabApiException
{
    public GitLabInvalidResponseException(string problem, HttpStatusCode statusCode, string endpoint, string resource, string? bodyExcerpt, Exception? innerException = null)
        : base(
            $"Unusable answer from GitLab to {endpoint} for {resource} ({(int)statusCode}): {problem}{(string.IsNullOrEmpty(bodyExcerpt) ? string.Empty : $" Body starts: {bodyExcerpt}")}",
            statusCode,
            endpoint,
            resource,
            bodyExcerpt,
            innerException)
    {
    }
}

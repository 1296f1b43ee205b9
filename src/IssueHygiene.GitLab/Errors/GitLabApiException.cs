using System.Net;

namespace IssueHygiene.GitLab.Errors;

/// <summary>GitLab answered with an error status (after any retries the call was entitled to).</summary>
public class GitLabApiException : GitLabException
{
    public GitLabApiException(HttpStatusCode statusCode, string endpoint, string resource, string? bodyExcerpt)
        : this(
            $"GitLab answered {(int)statusCode} {statusCode} to {endpoint} for {resource}{(string.IsNullOrEmpty(bodyExcerpt) ? "." : $": {bodyExcerpt}")}",
            statusCode,
            endpoint,
            resource,
            bodyExcerpt)
    {
    }

    protected GitLabApiException(string message, HttpStatusCode statusCode, string endpoint, string resource, string? bodyExcerpt, Exception? innerException = null)
        : base(message, endpoint, resource, innerException)
    {
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The first few hundred characters of the body, token redacted.</summary>
    public string? BodyExcerpt { get; }
}

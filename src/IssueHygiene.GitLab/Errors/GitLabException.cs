namespace IssueHygiene.GitLab.Errors;

/// <summary>
/// A GitLab call failed. Messages name the endpoint and the resource (project, issue…) and never
/// carry the access token.
/// </summary>
public abstract class GitLabException : Exception
{
    protected GitLabException(string message, string endpoint, string resource, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Resource = resource;
    }

    /// <summary>The endpoint template, e.g. <c>GET /projects/:id/issues</c>.</summary>
    public string Endpoint { get; }

    /// <summary>What was asked for, e.g. <c>issue group/project#12</c>.</summary>
    public string Resource { get; }
}

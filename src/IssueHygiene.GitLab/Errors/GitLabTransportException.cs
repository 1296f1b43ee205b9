namespace IssueHygiene.GitLab.Errors;

/// <summary>No usable answer at all: the attempts timed out or the connection failed.</summary>
public sealed class GitLabTransportException : GitLabException
{
    public GitLabTransportException(string problem, string endpoint, string resource, Exception innerException)
        : base($"GitLab did not answer {endpoint} for {resource}: {problem}", endpoint, resource, innerException)
    {
    }
}

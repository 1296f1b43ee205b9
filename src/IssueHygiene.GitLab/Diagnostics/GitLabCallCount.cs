namespace IssueHygiene.GitLab.Diagnostics;

/// <summary>How many calls to one endpoint ended with one status (0 = no response: timeout or network failure).</summary>
public sealed record GitLabCallCount(string Endpoint, int StatusCode, long Count);

using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>Changes an issue's fields (the Actuator's issue changes), and creates the summary issue.</summary>
public interface IGitLabIssueWriter
{
    /// <summary>Creates an issue (the scope's summary issue).</summary>
    Task<GitLabIssue> CreateIssueAsync(IdOrPath project, IssueCreate issue, CancellationToken cancellationToken = default);

    Task<GitLabIssue> UpdateIssueAsync(IdOrPath project, long issueIid, IssueUpdate update, CancellationToken cancellationToken = default);
}

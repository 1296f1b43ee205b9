using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>Changes an issue's fields (the Actuator's issue changes).</summary>
public interface IGitLabIssueWriter
{
    Task<GitLabIssue> UpdateIssueAsync(IdOrPath project, long issueIid, IssueUpdate update, CancellationToken cancellationToken = default);
}

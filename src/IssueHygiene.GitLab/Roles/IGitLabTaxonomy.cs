using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>Milestones and labels: the catalog an evaluation needs, and what <c>labels sync</c> / <c>milestones plan</c> write.</summary>
public interface IGitLabTaxonomy
{
    /// <summary>Project milestones, with those of ancestor groups when <paramref name="includeAncestors"/>.</summary>
    IAsyncEnumerable<GitLabMilestone> ListProjectMilestonesAsync(IdOrPath project, bool includeAncestors = true, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabMilestone> ListGroupMilestonesAsync(IdOrPath group, bool includeAncestors = true, CancellationToken cancellationToken = default);

    Task<GitLabMilestone> CreateGroupMilestoneAsync(IdOrPath group, MilestoneCreate milestone, CancellationToken cancellationToken = default);

    /// <summary>Project labels, with inherited group labels when <paramref name="includeAncestorGroups"/>.</summary>
    IAsyncEnumerable<GitLabLabel> ListProjectLabelsAsync(IdOrPath project, bool includeAncestorGroups = true, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GitLabLabel> ListGroupLabelsAsync(IdOrPath group, CancellationToken cancellationToken = default);

    Task<GitLabLabel> CreateProjectLabelAsync(IdOrPath project, LabelCreate label, CancellationToken cancellationToken = default);

    Task<GitLabLabel> CreateGroupLabelAsync(IdOrPath group, LabelCreate label, CancellationToken cancellationToken = default);

    /// <summary>Updates a project label named by id or title.</summary>
    Task<GitLabLabel> UpdateProjectLabelAsync(IdOrPath project, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default);

    Task<GitLabLabel> UpdateGroupLabelAsync(IdOrPath group, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default);
}

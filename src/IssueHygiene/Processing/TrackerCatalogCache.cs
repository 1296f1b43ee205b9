using System.Collections.Concurrent;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Mapping;

namespace IssueHygiene.Processing;

/// <summary>
/// Each project's milestones (with its groups') and labels (with inherited group labels), fetched once per run:
/// a tracker has few of them and many issues. Fixes only name what is found here.
/// </summary>
public sealed class TrackerCatalogCache(IGitLabTaxonomy gitLab) : ITrackerCatalogSource
{
    private readonly ConcurrentDictionary<long, Lazy<Task<TrackerCatalog>>> _byProject = new();

    public Task<TrackerCatalog> GetAsync(long projectId, CancellationToken cancellationToken) =>
        _byProject.GetOrAdd(projectId, id => new Lazy<Task<TrackerCatalog>>(() => LoadAsync(id, cancellationToken))).Value;

    /// <summary>Forgets everything (a new run, or a milestone/label changed).</summary>
    public void Clear() => _byProject.Clear();

    public void Invalidate() => Clear();

    private async Task<TrackerCatalog> LoadAsync(long projectId, CancellationToken cancellationToken)
    {
        var milestones = new List<Core.Issues.MilestoneRef>();
        await foreach (var milestone in gitLab.ListProjectMilestonesAsync(projectId, includeAncestors: true, cancellationToken))
        {
            milestones.Add(GitLabIssueMapper.ToMilestoneRef(milestone));
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var label in gitLab.ListProjectLabelsAsync(projectId, includeAncestorGroups: true, cancellationToken))
        {
            labels.Add(label.Name);
        }

        return new TrackerCatalog(new MilestoneCatalog(milestones), labels);
    }
}

using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Processing;

/// <summary>Where the issue processor gets a project's milestones and labels (once per run, or cached by the worker).</summary>
public interface ITrackerCatalogSource
{
    Task<TrackerCatalog> GetAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>Drops what is cached (a load failed, or a milestone/label changed), so the next call loads again.</summary>
    void Invalidate();
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab;
using IssueHygiene.Processing;

namespace IssueHygiene.Worker;

/// <summary>
/// Milestones and labels for the worker: a <see cref="TrackerCatalogCache"/> renewed after a while or when a Milestone
/// Hook arrives, so a long-running service neither refetches them per delivery nor keeps them forever.
/// </summary>
public sealed class CatalogProvider(IGitLabTaxonomy gitLab, LintWorkerSignal signal, LintWorkerOptions options, TimeProvider time) : ITrackerCatalogSource
{
    private readonly Lock _gate = new();
    private TrackerCatalogCache _cache = new(gitLab);
    private DateTimeOffset _createdAt = time.GetUtcNow();
    private int _version = signal.CatalogVersion;

    public Task<TrackerCatalog> GetAsync(long projectId, CancellationToken cancellationToken)
    {
        TrackerCatalogCache cache;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _createdAt > options.CatalogTtl || _version != signal.CatalogVersion)
            {
                _cache = new TrackerCatalogCache(gitLab);
                _createdAt = now;
                _version = signal.CatalogVersion;
            }

            cache = _cache;
        }

        return cache.GetAsync(projectId, cancellationToken);
    }

    /// <summary>Drops a catalog whose load failed, so the next attempt loads it again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _cache = new TrackerCatalogCache(gitLab);
        }
    }
}

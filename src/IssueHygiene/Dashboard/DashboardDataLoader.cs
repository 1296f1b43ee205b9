using IssueHygiene.Core.Evaluation;
using IssueHygiene.Hosting;
using IssueHygiene.Storage;

namespace IssueHygiene.Dashboard;

/// <summary>Reads the dashboard's data from the store.</summary>
public sealed class DashboardDataLoader(IHygieneStore store, Evaluator evaluator, HygieneOptions options, TimeProvider time)
{
    public async Task<DashboardData> LoadAsync(string? project, bool stacked, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var totals = await store.Health.ListTotalsAsync(now.AddDays(-Math.Max(1, options.Dashboard.Days)), cancellationToken);
        var current = await store.Health.ListCurrentFindingsAsync(cancellationToken);
        var projects = totals.Select(t => t.Total.Project).Concat(current.Select(c => c.Project))
            .Where(p => p != Core.Reporting.HygieneReport.MilestonesProject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (project is not null && !projects.Contains(project, StringComparer.Ordinal))
        {
            project = null;
        }

        var urls = new Dictionary<(long, long), string>();
        foreach (var finding in current.Where(f => f.WebUrl is not null))
        {
            urls.TryAdd((finding.ProjectId, finding.IssueIid), finding.WebUrl!);
        }

        return new DashboardData(
            now,
            project,
            stacked,
            projects,
            [.. totals.Where(t => project is null || t.Total.Project == project)],
            await store.Health.ListRunsAsync(null, Math.Max(1, options.Dashboard.RecentRuns), cancellationToken),
            [.. current.Where(c => project is null || c.Project == project)],
            await store.Health.ListWaiversInForceAsync(evaluator.Policy.TodayAt(now), 200, cancellationToken),
            urls);
    }
}

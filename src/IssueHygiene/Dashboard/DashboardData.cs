using IssueHygiene.Storage.Health;
using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Dashboard;

/// <summary>Everything the dashboard shows, read from the store (no GitLab request).</summary>
/// <param name="Now">When the page was made.</param>
/// <param name="Project">The project filter; null for all projects.</param>
/// <param name="Stacked">Stack the rules in the chart (else one line per rule).</param>
/// <param name="Projects">Every project the history knows (for the filter).</param>
/// <param name="Totals">History totals, oldest run first (already filtered by project).</param>
/// <param name="Runs">The latest runs, newest first.</param>
/// <param name="Current">Current findings (already filtered by project).</param>
/// <param name="Waivers">Waivers in force, soonest expiry first.</param>
/// <param name="IssueUrls">Known issue URLs by (project id, iid), to link waivers.</param>
public sealed record DashboardData(
    DateTimeOffset Now,
    string? Project,
    bool Stacked,
    IReadOnlyList<string> Projects,
    IReadOnlyList<HealthTotalRow> Totals,
    IReadOnlyList<HealthRun> Runs,
    IReadOnlyList<CurrentFinding> Current,
    IReadOnlyList<Waiver> Waivers,
    IReadOnlyDictionary<(long ProjectId, long Iid), string> IssueUrls);

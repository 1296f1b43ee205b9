using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// The milestones GitLab has for an issue's project (project + ancestor groups). Fixes that set a milestone only
/// name milestones found here; offline (an empty catalog) they are planned from the rules file alone.
/// </summary>
public sealed class MilestoneCatalog
{
    public static MilestoneCatalog Unknown { get; } = new([], isKnown: false);

    private readonly Dictionary<string, MilestoneRef> _byTitle;

    public MilestoneCatalog(IEnumerable<MilestoneRef> milestones, bool isKnown = true)
    {
        _byTitle = new Dictionary<string, MilestoneRef>(StringComparer.Ordinal);
        foreach (var milestone in milestones)
        {
            // Project milestones shadow group ones of the same title, as GitLab resolves them.
            if (!_byTitle.TryGetValue(milestone.Title, out var existing) || (existing.ProjectId is null && milestone.ProjectId is not null))
            {
                _byTitle[milestone.Title] = milestone;
            }
        }

        IsKnown = isKnown;
    }

    /// <summary>False offline: nothing is known about which milestones exist.</summary>
    public bool IsKnown { get; }

    public IEnumerable<MilestoneRef> All => _byTitle.Values;

    public MilestoneRef? Find(string title) => _byTitle.GetValueOrDefault(title);

    /// <summary>True when a fix may use this title: it exists, or nothing is known (offline planning).</summary>
    public bool MayUse(string title) => !IsKnown || (_byTitle.TryGetValue(title, out var m) && m.State == "active");
}

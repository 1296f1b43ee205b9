namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>What the handbook seed created: where to point a tool at.</summary>
/// <param name="GroupId">The top group (<c>handbook-org</c>).</param>
/// <param name="GroupPath">Its full path.</param>
/// <param name="SubgroupId">The subgroup (<c>handbook-org/platform</c>) holding the third project.</param>
/// <param name="Projects">The projects, first one the busiest.</param>
/// <param name="BacklogMilestoneId">The group milestone <c>Backlog</c>.</param>
/// <param name="SprintMilestoneIds">Sprint milestone id by its Friday (the title).</param>
public sealed record HandbookSeedInfo(
    long GroupId,
    string GroupPath,
    long SubgroupId,
    IReadOnlyList<SeededProject> Projects,
    long BacklogMilestoneId,
    IReadOnlyDictionary<DateOnly, long> SprintMilestoneIds);

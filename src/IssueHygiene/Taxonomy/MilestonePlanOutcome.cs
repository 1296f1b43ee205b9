using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Taxonomy;

/// <summary>What <c>milestones plan</c> found and did for one group.</summary>
/// <param name="Group">The group, as given.</param>
/// <param name="Plan">The decision: what was missing, what is wrong.</param>
/// <param name="Created">The milestones created (empty in a dry run).</param>
/// <param name="Failures">Creations GitLab refused, with its message.</param>
/// <param name="BudgetExhausted">True when the write budget stopped the run.</param>
/// <param name="DryRun">Nothing was written.</param>
public sealed record MilestonePlanOutcome(
    string Group,
    SprintMilestonePlan Plan,
    IReadOnlyList<PlannedSprintMilestone> Created,
    IReadOnlyList<string> Failures,
    bool BudgetExhausted,
    bool DryRun)
{
    /// <summary>True when the group's sprint milestones are in order now (nothing missing, nothing wrong, nothing failed).</summary>
    public bool InOrder => Plan.Problems.Count == 0 && Failures.Count == 0 && !BudgetExhausted && Created.Count == Plan.ToCreate.Count;
}

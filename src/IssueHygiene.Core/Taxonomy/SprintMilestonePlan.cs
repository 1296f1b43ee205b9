using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.Taxonomy;

/// <summary>What <c>milestones plan</c> decided for one group.</summary>
/// <param name="Today">Today in the rules file's time zone: the plan starts from it.</param>
/// <param name="SprintDates">Every sprint date the plan wants to exist (the current week's and the weeks ahead).</param>
/// <param name="ToCreate">The wanted sprint milestones that do not exist yet, soonest first.</param>
/// <param name="Problems">Existing sprint milestones named for the wrong weekday, or due on another date than their title.</param>
public sealed record SprintMilestonePlan(
    DateOnly Today,
    IReadOnlyList<DateOnly> SprintDates,
    IReadOnlyList<PlannedSprintMilestone> ToCreate,
    IReadOnlyList<MilestoneFinding> Problems)
{
    public bool IsEmpty => ToCreate.Count == 0;
}

using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// The milestone-level checks of the sweep report (docs/architecture.md §3): they look at a group's milestones, not at an
/// issue, so they are descriptors here and run in <see cref="Evaluation.MilestoneChecks"/>.
/// </summary>
public static class MilestoneRules
{
    public static RuleDescriptor SprintMilestoneFriday { get; } = new()
    {
        Id = "sprint-milestone-friday",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Report, RuleAction.Off],
        Summary = "Every sprint milestone's date is the sprint's weekday (Friday), and its due date agrees.",
        Help = "Rename the milestone after its sprint's Friday, or fix its due date.",
        HandbookSection = Handbook.Milestones,
        HandbookQuotes = ["Once an issue becomes a priority, set a sprint milestone (identified by the Friday of the week in question), even if it's still weeks away and may end up being moved."],
        IsIssueLevel = false,
    };

    public static RuleDescriptor SprintMilestonesAhead { get; } = new()
    {
        Id = "sprint-milestones-ahead",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Report, RuleAction.Off],
        Summary = "At least planAheadWeeks (default 6) future sprint milestones exist.",
        Help = "Create the missing sprint milestones: run `issue-hygiene milestones plan`.",
        HandbookSection = Handbook.Milestones,
        HandbookQuotes = ["New sprint milestones are created about 6 weeks in advance as part of preparation for the weekly kickoff meeting."],
        IsIssueLevel = false,
    };

    public static IReadOnlyList<RuleDescriptor> All { get; } = [SprintMilestoneFriday, SprintMilestonesAhead];
}

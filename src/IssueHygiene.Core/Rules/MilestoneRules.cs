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
        Help = "Sprint milestones are identified by the Friday of the week in question: rename the milestone or fix "
            + "its due date. (Handbook: " + Handbook.Milestones + ")",
        HandbookSection = Handbook.Milestones,
        IsIssueLevel = false,
    };

    public static RuleDescriptor SprintMilestonesAhead { get; } = new()
    {
        Id = "sprint-milestones-ahead",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Report, RuleAction.Off],
        Summary = "At least planAheadWeeks (default 6) future sprint milestones exist.",
        Help = "New sprint milestones are created about 6 weeks in advance: run `issue-hygiene milestones plan`. "
            + "(Handbook: " + Handbook.Milestones + ")",
        HandbookSection = Handbook.Milestones,
        IsIssueLevel = false,
    };

    public static IReadOnlyList<RuleDescriptor> All { get; } = [SprintMilestoneFriday, SprintMilestonesAhead];
}

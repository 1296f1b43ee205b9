using System.Globalization;
using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>sprint-overdue</c>: an open issue's sprint is over. With action fix (opt-in) it rolls over to the current
/// sprint milestone (or Backlog, with <c>rollover: backlog</c>).
/// </summary>
public sealed class SprintOverdueRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "sprint-overdue",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters =
        [
            new("rollover", "Where a fix moves the issue: the current sprint, or the backlog.", ["current", "backlog"]),
        ],
        Summary = "An open issue is not in a sprint milestone whose date has passed.",
        Help = "The sprint this issue was planned for is over: move it to the current sprint milestone (it may end up "
            + "being moved again), to `Backlog` if it is no longer a priority, or close it if it is done. (Handbook: "
            + Handbook.Milestones + ")",
        HandbookSection = Handbook.Milestones,
    };

    private readonly bool _toBacklog = settings.Parameter("rollover") == "backlog";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (facts.SprintDate is not { } date || date >= facts.Today)
        {
            return;
        }

        var message = "This issue is still in sprint milestone {0}, which ended on " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".";
        string[] arguments = [facts.Issue.Milestone!.Title];
        if (!Fixes)
        {
            Report(context, message, arguments);
            return;
        }

        var target = _toBacklog ? rules.Milestones.Backlog : CurrentSprint(facts);
        if (target is null)
        {
            Report(context, message, arguments, fixUnavailable: "no current sprint milestone exists (run `milestones plan`)");
        }
        else if (!facts.Catalog.Milestones.MayUse(target) || !QuickAction.CanQuote(target))
        {
            Report(context, message, arguments, fixUnavailable: "milestone {0} cannot be used", fixUnavailableArguments: [target]);
        }
        else
        {
            Report(context, message, arguments, fixes: [new SetMilestoneAction(target)]);
        }
    }

    /// <summary>The active sprint milestone with the earliest date on or after today, from GitLab's list.</summary>
    private static string? CurrentSprint(IssueFacts facts)
    {
        string? best = null;
        DateOnly bestDate = DateOnly.MaxValue;
        foreach (var milestone in facts.Catalog.Milestones.All)
        {
            if (milestone.State == "active" && facts.Policy.SprintDateOf(milestone.Title) is { } date
                && date >= facts.Today && date < bestDate)
            {
                best = milestone.Title;
                bestDate = date;
            }
        }

        return best;
    }
}

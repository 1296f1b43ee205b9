using System.Globalization;
using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>sprint-overdue</c>: an open issue's sprint is over. With action fix (opt-in) it rolls over to the current
/// sprint milestone; <c>rollover: backlog</c> sends only work that is not in flow to Backlog (work marked To Do,
/// Doing, Review or Blocked is a priority: it goes to the current sprint, or gets a comment when none exists).
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
            new("rollover", "Where a fix moves the issue: the current sprint, or the backlog (only issues not in flow).", ["current", "backlog"]),
        ],
        Summary = "An open issue is not in a sprint milestone whose date has passed.",
        Help = "The sprint this issue was planned for is over: move it to the current sprint milestone (it may end up "
            + "being moved again), to `Backlog` if it is no longer a priority, or close it if it is done.",
        HandbookSection = Handbook.Milestones,
        HandbookQuotes =
        [
            "Once an issue becomes a priority, set a sprint milestone (identified by the Friday of the week in question), "
                + "even if it's still weeks away and may end up being moved.",
        ],
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
        var current = facts.CurrentSprint?.Title;
        IReadOnlyList<QuickAction>? copy = current is null ? null : [new SetMilestoneAction(current)];
        if (!Fixes)
        {
            Report(context, message, arguments, suggestions: copy);
            return;
        }

        // Backlog is for what is not a priority yet; work in flow is one, whatever the rollover setting says.
        var target = _toBacklog && !facts.IsInFlow ? rules.Milestones.Backlog : current;
        if (target is null)
        {
            Report(context, message, arguments, fixUnavailable: MilestoneRequiredRule.NoCurrentSprint(facts));
        }
        else if (!facts.Catalog.Milestones.MayUse(target) || !QuickAction.CanQuote(target))
        {
            Report(context, message, arguments, fixUnavailable: "milestone {0} cannot be used", fixUnavailableArguments: [target], suggestions: copy);
        }
        else
        {
            Report(context, message, arguments, fixes: [new SetMilestoneAction(target)]);
        }
    }
}

using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>milestone-required</c>: every open issue has a milestone. The fix follows the handbook's triage recipes: work
/// that is not in flow goes to Backlog with <c>flow::Triage</c> (the "not urgent" hand-off); work in flow (To Do,
/// Doing, Review, Blocked) is a priority, so it gets the current sprint milestone — never Backlog — or, when no
/// current sprint exists, a comment asking for one.
/// </summary>
public sealed class MilestoneRequiredRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    private const string Message = "This issue has no milestone.";

    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "milestone-required",
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Fix,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters =
        [
            new("milestone", "Milestone a fix sets on an issue that is not in flow (default: milestones.backlog)."),
            new("label", "Flow label a fix adds when the issue has none (default: labels.flow.triage)."),
        ],
        Summary = "Every open issue has a milestone.",
        Help = "Use `Backlog` if it is not a priority yet, the current sprint milestone if it is (work marked To Do, "
            + "Doing, Review or Blocked is), or close the issue if we don't want it to happen.",
        HandbookSection = Handbook.Milestones,
        HandbookQuotes =
        [
            "Every open issue should have a milestone.",
            "If something we want to happen eventually is not a priority yet, use `Backlog`.",
            "Once an issue becomes a priority, set a sprint milestone (identified by the Friday of the week in question), "
                + "even if it's still weeks away and may end up being moved.",
        ],
    };

    private readonly string _milestone = settings.Parameter("milestone") ?? rules.Milestones.Backlog;
    private readonly string _label = settings.Parameter("label") ?? rules.Labels.Flow.Triage;

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (facts.HasMilestone)
        {
            return;
        }

        if (facts.IsInFlow)
        {
            CheckInFlow(facts, context);
            return;
        }

        QuickAction[] recipe = facts.FlowLabels.Count == 0 && facts.Catalog.MayUseLabel(_label)
            ? [new SetMilestoneAction(_milestone), new AddLabelAction(_label)]
            : [new SetMilestoneAction(_milestone)];
        if (Fixes && !facts.Catalog.Milestones.MayUse(_milestone))
        {
            Report(context, Message, fixUnavailable: "milestone {0} does not exist (or is closed)", fixUnavailableArguments: [_milestone], suggestions: recipe);
            return;
        }

        Report(context, Message, fixes: recipe);
    }

    /// <summary>Work in flow is a priority: the current sprint milestone, as the handbook's urgent triage recipes set.</summary>
    private void CheckInFlow(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var flow = facts.FlowLabels.First(facts.Policy.IsInFlowLabel);
        const string inFlow = "This issue is marked {0} but has no milestone; work in flow belongs in the current sprint milestone, not in Backlog.";
        if (facts.CurrentSprint is not { } sprint)
        {
            Report(context, inFlow, [flow], fixUnavailable: NoCurrentSprint(facts));
            return;
        }

        var set = new SetMilestoneAction(sprint.Title);
        if (!set.CanRender)
        {
            Report(context, inFlow, [flow], fixUnavailable: "the current sprint milestone's title cannot be written in a quick action");
            return;
        }

        Report(context, inFlow, [flow], fixes: [set]);
    }

    /// <summary>Why no current sprint could be set (offline nothing is known about GitLab's milestones).</summary>
    internal static string NoCurrentSprint(IssueFacts facts) => facts.Catalog.Milestones.IsKnown
        ? "no active sprint milestone dated on or after today exists (create it with `issue-hygiene milestones plan`), "
            + "then set it with `/milestone %\"<its title>\"`"
        : "offline, the current sprint milestone is not known (give `lint` GitLab's milestone list with `--milestones-json`): "
            + "set it with `/milestone %\"<current sprint>\"`";
}

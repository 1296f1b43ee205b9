using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>milestone-required</c>: every open issue has a milestone (Backlog if it is not a priority yet).</summary>
public sealed class MilestoneRequiredRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "milestone-required",
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Fix,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters =
        [
            new("milestone", "Milestone a fix sets (default: milestones.backlog)."),
            new("label", "Flow label a fix adds when the issue has none (default: labels.flow.triage)."),
        ],
        Summary = "Every open issue has a milestone.",
        Help = "Every open issue should have a milestone: use `Backlog` if it is not a priority yet, a sprint milestone "
            + "once it is, or close the issue if we don't want it to happen. (Handbook: " + Handbook.Milestones + ")",
        HandbookSection = Handbook.Milestones,
    };

    private readonly string _milestone = settings.Parameter("milestone") ?? rules.Milestones.Backlog;
    private readonly string _label = settings.Parameter("label") ?? rules.Labels.Flow.Triage;

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (facts.HasMilestone)
        {
            return;
        }

        if (!Fixes)
        {
            Report(context, "This issue has no milestone.");
            return;
        }

        if (!facts.Catalog.Milestones.MayUse(_milestone))
        {
            Report(context, "This issue has no milestone.", fixUnavailable: "milestone {0} does not exist (or is closed)", fixUnavailableArguments: [_milestone]);
            return;
        }

        QuickAction[] fixes = facts.FlowLabels.Count == 0 && facts.Catalog.MayUseLabel(_label)
            ? [new SetMilestoneAction(_milestone), new AddLabelAction(_label)]
            : [new SetMilestoneAction(_milestone)];
        Report(context, "This issue has no milestone.", fixes: fixes);
    }
}

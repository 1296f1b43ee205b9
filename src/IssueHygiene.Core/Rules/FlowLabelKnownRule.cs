using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Labels;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>flow-label-known</c>: a flow label's value is one of the handbook's (and says which it resembles).</summary>
public sealed class FlowLabelKnownRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "flow-label-known",
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "Every flow label is one of the known values (Triage, To Do, Doing, Blocked, Review).",
        Help = "Use one of the documented flow labels: `flow::Triage`, `flow::To Do`, `flow::Doing`, `flow::Blocked`, "
            + "`flow::Review`; new labels are created at group level and documented in the handbook. (Handbook: "
            + Handbook.Labels + ")",
        HandbookSection = Handbook.Labels,
    };

    protected override string Help { get; } = "Use one of the documented flow labels: " + List(rules.Labels.Flow.Values.Select(v => v.Name))
        + "; new labels are created at group level and documented in the handbook. (Handbook: " + Handbook.Labels + ")";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        foreach (var label in facts.FlowLabels)
        {
            if (facts.Policy.KnownFlowLabels.Contains(label))
            {
                continue;
            }

            var closest = LabelResemblance.ClosestTo(label, facts.Policy.KnownFlowLabels);
            if (closest is null)
            {
                Report(context, "Flow label {0} is not one of the known flow labels.", [label]);
            }
            else
            {
                Report(context, "Flow label {0} is not one of the known flow labels; did you mean {1}?", [label, closest]);
            }
        }
    }
}

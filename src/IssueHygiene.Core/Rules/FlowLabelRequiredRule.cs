using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>flow-label-required</c>: an issue in a sprint milestone carries a <c>flow::</c> label.</summary>
public sealed class FlowLabelRequiredRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "flow-label-required",
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Fix,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters = [new("label", "Flow label a fix adds (default: labels.flow.triage).")],
        Summary = "An issue in a sprint milestone has a flow label.",
        Help = "Add a `flow::` label: `flow::Triage` if it will likely move to a later week, `flow::To Do` if we "
            + "intend to do it that week.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "Every open issue _with a sprint milestone_ should have a `flow` label",
        ],
    };

    private readonly string _label = settings.Parameter("label") ?? rules.Labels.Flow.Triage;

    protected override string Help { get; } = "Add a flow label, e.g. " + List([rules.Labels.Flow.Triage])
        + " if it will likely move to a later week.";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (!facts.IsSprint || facts.FlowLabels.Count > 0)
        {
            return;
        }

        const string message = "This issue is in sprint milestone {0} but has no flow label.";
        string[] arguments = [facts.Issue.Milestone!.Title];
        if (Fixes && !facts.Catalog.MayUseLabel(_label))
        {
            Report(context, message, arguments, fixUnavailable: "label {0} does not exist in this project or its groups", fixUnavailableArguments: [_label]);
            return;
        }

        Report(context, message, arguments, fixes: [new AddLabelAction(_label)]);
    }
}

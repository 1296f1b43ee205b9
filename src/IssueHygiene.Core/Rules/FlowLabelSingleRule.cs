using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>flow-label-single</c>: at most one flow label (GitLab Free does not enforce scoped exclusivity).</summary>
public sealed class FlowLabelSingleRule(RuleSettings settings) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "flow-label-single",
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue has at most one flow label.",
        Help = "An issue is in one place of the flow: keep the one `flow::` label that says where it is now and remove "
            + "the others by commenting the line for the label to keep. GitLab Premium keeps one label per scope by itself; "
            + "on GitLab Free scoped labels are not exclusive, so the others are removed with an explicit `/unlabel`.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "Every open issue _with a sprint milestone_ should have a `flow` label",
        ],
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var count = facts.FlowLabels.Count;
        if (count <= 1)
        {
            return;
        }

        // Only a known flow value is offered to keep; a misspelt one gets its own finding (flow-label-known).
        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}"));
        Report(
            context,
            $"This issue has {count} flow labels ({placeholders}); it should have exactly one.",
            facts.FlowLabels,
            choices: KeepOne(facts.FlowLabels, facts.FlowLabels.Where(facts.Policy.KnownFlowLabels.Contains)));
    }
}

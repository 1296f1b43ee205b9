using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>stage-label-unused</c>: no stage label the handbook marks as currently unused (<c>Notebook</c>).</summary>
public sealed class StageLabelUnusedRule(RuleSettings settings) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "stage-label-unused",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "No stage label marked unused (Notebook).",
        Help = "Pick the stage the work belongs to, or remove the label.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "`Notebook` (currently unused)",
        ],
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        foreach (var label in facts.StageLabels)
        {
            if (facts.Policy.UnusedStageLabels.Contains(label))
            {
                Report(context, "Stage label {0} is marked as currently unused.", [label], suggestions: [new RemoveLabelAction(label)]);
            }
        }
    }
}

using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Labels;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>label-documented</c>: every label on an issue is in the rules taxonomy (the handbook's list).</summary>
public sealed class LabelDocumentedRule(RuleSettings settings) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "label-documented",
        DefaultSeverity = Severity.Info,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "Every label on an issue is documented in the rules taxonomy.",
        Help = "Document the label in the rules file's taxonomy, or use a documented label.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "New labels can be created as appropriate at the Group Level and should be documented them here.",
        ],
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        foreach (var label in facts.Issue.Labels)
        {
            if (facts.Policy.DocumentedLabels.Contains(label)
                || (facts.FlowLabels.Contains(label) && !facts.Policy.KnownFlowLabels.Contains(label)))
            {
                continue;
            }

            // Any documented label family (flow, type, stage, other): a look-alike is named with its code points.
            if (LookAlike.TwinOf(label, facts.Policy.DocumentedLabels) is { } twin)
            {
                Report(context, LookAlikeMessage("Label ", twin.Differences, "a documented label"), [label, twin.Known], suggestions: Replace(label, twin.Known));
            }
            else
            {
                Report(context, "Label {0} is not documented in the rules taxonomy.", [label]);
            }
        }
    }
}

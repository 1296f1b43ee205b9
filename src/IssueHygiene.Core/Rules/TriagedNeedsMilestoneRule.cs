using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>triaged-needs-milestone</c>: triaged work (active flow, or blocked) is in a real milestone, not Backlog.</summary>
public sealed class TriagedNeedsMilestoneRule(RuleSettings settings) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "triaged-needs-milestone",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue with an active flow label or flow::Blocked is not in the Backlog milestone.",
        Help = "Once an issue becomes a priority it gets a sprint milestone (the Friday of its week), even if that is "
            + "weeks away; if it is not a priority, use `flow::Triage`. (Handbook: " + Handbook.Milestones + "; "
            + Handbook.TriageProcess + ")",
        HandbookSection = Handbook.TriageProcess,
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (!facts.IsBacklog)
        {
            return;
        }

        var blocked = facts.Policy.Rules.Labels.Flow.Blocked;
        foreach (var label in facts.FlowLabels)
        {
            if (facts.Policy.ActiveFlowLabels.Contains(label) || string.Equals(label, blocked, StringComparison.Ordinal))
            {
                Report(context, "This issue is marked {0} but its milestone is {1}.", [label, facts.Issue.Milestone!.Title]);
                return;
            }
        }
    }
}

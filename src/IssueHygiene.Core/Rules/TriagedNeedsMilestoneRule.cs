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
        Help = "Work in flow is a priority: set the current sprint milestone (or a later sprint's), or, if it is not "
            + "a priority yet, move it back to `flow::Triage`.",
        HandbookSection = Handbook.TriageProcess,
        HandbookQuotes =
        [
            "After they've been triaged, they'll have a milestone (other than `Backlog`), an assignee, and the `flow::To Do` label.",
        ],
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (!facts.IsBacklog)
        {
            return;
        }

        foreach (var label in facts.FlowLabels)
        {
            if (facts.Policy.IsInFlowLabel(label))
            {
                IReadOnlyList<QuickAction>? copy = facts.CurrentSprint is { } sprint ? [new SetMilestoneAction(sprint.Title)] : null;
                Report(context, "This issue is marked {0} but its milestone is {1}.", [label, facts.Issue.Milestone!.Title], suggestions: copy);
                return;
            }
        }
    }
}

using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>triaged-needs-assignee</c>: work in an active flow state (To Do, Doing, Review) has an assignee.</summary>
public sealed class TriagedNeedsAssigneeRule(RuleSettings settings) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "triaged-needs-assignee",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue with an active flow label (To Do, Doing, Review) has an assignee.",
        Help = "Assign whoever will work on it: comment `/assign me` to take it yourself (GitLab's self-assign form) or "
            + "`/assign @username` for someone else, or move it back to `flow::Triage`.",
        HandbookSection = Handbook.TriageProcess,
        HandbookQuotes =
        [
            "After they've been triaged, they'll have a milestone (other than `Backlog`), an assignee, and the `flow::To Do` label.",
        ],
    };

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        if (facts.Issue.Assignees.Count > 0 || !facts.HasActiveFlow)
        {
            return;
        }

        var active = facts.FlowLabels.First(facts.Policy.ActiveFlowLabels.Contains);
        Report(context, "This issue is marked {0} but nobody is assigned.", [active], suggestions: [new AssignSelfAction()]);
    }
}

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
            + "`flow::Review`; a new one is created at group level and documented in the rules file.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "Every open issue _with a sprint milestone_ should have a `flow` label",
            "New labels can be created as appropriate at the Group Level and should be documented them here.",
        ],
    };

    protected override string Help { get; } = "Use one of the documented flow labels: " + List(rules.Labels.Flow.Values.Select(v => v.Name))
        + "; a new one is created at group level and documented in the rules file.";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        foreach (var label in facts.FlowLabels)
        {
            if (facts.Policy.KnownFlowLabels.Contains(label))
            {
                continue;
            }

            if (LookAlike.TwinOf(label, facts.Policy.KnownFlowLabels) is { } twin)
            {
                Report(context, "Flow label {0} is not {1}, though it looks the same: " + string.Join("; ", twin.Differences)
                    + ". GitLab compares label names exactly, so this one is not a known flow label.", [label, twin.Known], suggestions: Replace(label, twin.Known));
                continue;
            }

            var closest = LabelResemblance.ClosestTo(label, facts.Policy.KnownFlowLabels);
            if (closest is null)
            {
                Report(context, "Flow label {0} is not one of the known flow labels.", [label]);
            }
            else
            {
                Report(context, "Flow label {0} is not one of the known flow labels; did you mean {1}?", [label, closest], suggestions: Replace(label, closest));
            }
        }

        // A label that looks like a flow label but whose scope is not exactly the flow scope (Flow::Doing) counts as
        // no flow label at all: say why, or the fixes that follow (flow::Triage added) look arbitrary.
        foreach (var label in facts.Issue.Labels)
        {
            var scope = ScopedLabel.ScopeOf(label).ToString();
            if (scope.Length == 0 || facts.FlowLabels.Contains(label) || LookAlike.Explain(scope, facts.Policy.FlowScope) is not { } differences)
            {
                continue;
            }

            var meant = ScopedLabel.Compose(facts.Policy.FlowScope, ScopedLabel.ValueOf(label).ToString());
            var known = facts.Policy.KnownFlowLabels.Contains(meant) ? meant : LookAlike.TwinOf(meant, facts.Policy.KnownFlowLabels)?.Known;
            var message = "Label {0} does not count as a flow label: its scope is not " + Quote(facts.Policy.FlowScope) + " ("
                + string.Join("; ", differences) + "). GitLab compares a scoped label's scope exactly, case included, so this "
                + "label is in a scope of its own and the issue has no flow label from it.";
            if (known is null)
            {
                Report(context, message, [label]);
            }
            else
            {
                Report(context, message + " Did you mean {1}?", [label, known], suggestions: Replace(label, known));
            }
        }
    }

    /// <summary>A name from the rules file in backticks (trusted text: the rules file is validated).</summary>
    private static string Quote(string name) => "`" + name.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "`";
}

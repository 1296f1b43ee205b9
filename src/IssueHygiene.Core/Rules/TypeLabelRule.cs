using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>type-label</c>: exactly one type label (Bug, Feature Request, Discussion, Exploration, Community Support).</summary>
public sealed class TypeLabelRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "type-label",
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue has exactly one type label.",
        Help = "When possible, an issue should have one label indicating its type: `Bug`, `Feature Request`, "
            + "`Discussion`, `Exploration` or `Community Support`. (Handbook: " + Handbook.Labels + ")",
        HandbookSection = Handbook.Labels,
    };

    protected override string Help { get; } = "When possible, an issue should have one label indicating its type: "
        + List(rules.Labels.Types.Select(t => t.Name)) + ". (Handbook: " + Handbook.Labels + ")";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var count = facts.TypeLabels.Count;
        if (count == 1)
        {
            return;
        }

        if (count == 0)
        {
            Report(context, "This issue has no type label.");
            return;
        }

        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}"));
        Report(context, $"This issue has {count} type labels ({placeholders}); it should have one.", facts.TypeLabels);
    }
}

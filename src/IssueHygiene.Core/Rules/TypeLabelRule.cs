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
        DefaultSeverity = Severity.Info,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue has exactly one type label.",
        Help = "If one fits, add one type label: `Bug`, `Feature Request`, `Discussion`, `Exploration` or "
            + "`Community Support`.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "When possible, an issue should have a label indicating its type",
        ],
    };

    protected override string Help { get; } = "If one fits, add one type label: "
        + List(rules.Labels.Types.Select(t => t.Name)) + "; with several, keep the one that fits best.";

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var count = facts.TypeLabels.Count;
        if (count == 1)
        {
            return;
        }

        if (count == 0)
        {
            // A label that only looks like a type label (`bug`, `Bυg`) is why there is none: say so, with the swap.
            if (!ReportLookAlikes(context, facts, facts.Policy.TypeLabels, "This issue has no type label: label ", "a type label"))
            {
                Report(context, "This issue has no type label.");
            }

            return;
        }

        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}"));
        Report(context, $"This issue has {count} type labels ({placeholders}); it should have one.", facts.TypeLabels, choices: KeepOne(facts.TypeLabels, facts.TypeLabels));
    }
}

using FluentValidation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using Severity = IssueHygiene.Core.Policy.Severity;

namespace IssueHygiene.Core.Rules;

/// <summary><c>stage-label</c>: one stage label (Model, Extract, Load, Transform, Analyze, Notebook, Orchestrate).</summary>
public sealed class StageLabelRule(RuleSettings settings, RuleSet rules) : HygieneRule(Definition, settings)
{
    public static RuleDescriptor Definition { get; } = new()
    {
        Id = "stage-label",
        DefaultSeverity = Severity.Info,
        DefaultAction = RuleAction.Report,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An issue has exactly one stage label (if appropriate).",
        Help = "If one fits, add one stage label: `Model`, `Extract`, `Load`, `Transform`, `Analyze`, `Orchestrate`.",
        HandbookSection = Handbook.Labels,
        HandbookQuotes =
        [
            "If appropriate, an issue should have a stage label (one of the letters in \"meltano\")",
        ],
    };

    protected override string Help { get; } = "If one fits, add one stage label: "
        + List(rules.Labels.Stages.Where(s => !s.Unused).Select(s => s.Name)) + "; with several, keep the one that fits best.";

    /// <summary>The stage labels a look-alike may have meant (not one the handbook marks unused).</summary>
    private readonly HashSet<string> _usedStages = [.. rules.Labels.Stages.Where(s => !s.Unused).Select(s => s.Name)];

    protected override void Check(IssueFacts facts, ValidationContext<IssueFacts> context)
    {
        var count = facts.StageLabels.Count;
        if (count == 1)
        {
            return;
        }

        if (count == 0)
        {
            if (!ReportLookAlikes(context, facts, _usedStages, "This issue has no stage label: label ", "a stage label"))
            {
                Report(context, "This issue has no stage label.");
            }

            return;
        }

        // A stage marked unused is offered to keep only when every stage label on the issue is one.
        var keepable = facts.StageLabels.Where(l => !facts.Policy.UnusedStageLabels.Contains(l)).ToList();
        var placeholders = string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i + "}"));
        Report(
            context,
            $"This issue has {count} stage labels ({placeholders}); it should have one.",
            facts.StageLabels,
            choices: KeepOne(facts.StageLabels, keepable.Count > 0 ? keepable : facts.StageLabels));
    }
}

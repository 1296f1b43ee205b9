using System.Globalization;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Labels;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>Turns a validated <see cref="RuleSetDocument"/> into a <see cref="RuleSet"/>, filling in the defaults.</summary>
internal static class RuleSetBuilder
{
    public static RuleSet Build(RuleSetDocument d)
    {
        var scope = d.FlowScope?.Value ?? RuleSetDefaults.FlowScope;
        var flowValues = d.FlowValues.Count > 0
            ? d.FlowValues.Select(v => ToDefinition(v) with { Name = ScopedLabel.Compose(scope, v.Name.Value) }).ToList()
            : [.. RuleSetDefaults.FlowValues.Select(v => new LabelDefinition { Name = ScopedLabel.Compose(scope, v) })];
        var active = d.FlowActive.Count > 0 ? d.FlowActive.Select(a => a.Value) : RuleSetDefaults.FlowActive;

        var rules = RuleCatalog.All.ToDictionary(r => r.Id, RuleCatalog.DefaultSettings, StringComparer.Ordinal);
        foreach (var rule in d.Rules)
        {
            var defaults = rules[rule.Id.Value];
            rules[rule.Id.Value] = defaults with
            {
                Severity = rule.Severity is { } s && RuleSetDocumentValidator.TryParseSeverity(s.Value, out var severity) ? severity : defaults.Severity,
                Action = rule.Action is { } a && RuleSetDocumentValidator.TryParseAction(a.Value, out var action) ? action : defaults.Action,
                Parameters = rule.Parameters.ToDictionary(p => p.Name.Value, p => p.Value.Value, StringComparer.Ordinal),
                Location = rule.Id.Location,
            };
        }

        if (!DurationText.TryParse(d.GracePeriod?.Value ?? RuleSetDefaults.GracePeriod, out var grace))
        {
            throw new InvalidOperationException("gracePeriod passed validation but does not parse");
        }

        return new RuleSet
        {
            Source = d.File,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(d.TimeZone?.Value ?? RuleSetDefaults.TimeZone),
            GracePeriod = grace,
            ExemptionLabel = d.ExemptionLabel?.Value ?? RuleSetDefaults.ExemptionLabel,
            WorkItemTypes = d.WorkItemTypes.Count > 0
                ? d.WorkItemTypes.Select(t => t.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
                : RuleSetDefaults.WorkItemTypeSet,
            HandbookUrl = d.HandbookUrl is { } url ? new Uri(url.Value, UriKind.Absolute) : null,
            Milestones = new MilestonePolicy
            {
                Backlog = d.Backlog?.Value ?? RuleSetDefaults.Backlog,
                Sprint = new SprintPolicy
                {
                    Pattern = new Regex(d.SprintPattern?.Value ?? RuleSetDefaults.SprintPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking),
                    DateFormat = d.SprintDateFormat?.Value ?? RuleSetDefaults.SprintDateFormat,
                    Weekday = Enum.Parse<DayOfWeek>(d.SprintWeekday?.Value ?? RuleSetDefaults.SprintWeekday, ignoreCase: true),
                    TitleTemplate = d.SprintTitleTemplate?.Value ?? RuleSetDefaults.SprintTitleTemplate,
                    PlanAheadWeeks = d.PlanAheadWeeks is { } w ? int.Parse(w.Value, CultureInfo.InvariantCulture) : RuleSetDefaults.PlanAheadWeeks,
                },
            },
            Labels = new LabelTaxonomy
            {
                Flow = new FlowLabelPolicy
                {
                    Scope = scope,
                    Values = flowValues,
                    Active = [.. active.Select(a => ScopedLabel.Compose(scope, a))],
                    Blocked = ScopedLabel.Compose(scope, d.FlowBlocked?.Value ?? RuleSetDefaults.FlowBlocked),
                    Triage = ScopedLabel.Compose(scope, d.FlowTriage?.Value ?? RuleSetDefaults.FlowTriage),
                },
                Types = d.Types.Count > 0
                    ? [.. d.Types.Select(ToDefinition)]
                    : [.. RuleSetDefaults.Types.Select(t => new LabelDefinition { Name = t })],
                Stages = d.Stages.Count > 0
                    ? [.. d.Stages.Select(ToDefinition)]
                    : [.. RuleSetDefaults.Stages.Select(s => new LabelDefinition { Name = s, Unused = RuleSetDefaults.UnusedStages.Contains(s) })],
                Other = [.. d.Other.Select(ToDefinition)],
            },
            Rules = rules,
            Summary = new SummaryPolicy
            {
                TitleTemplate = d.SummaryTitle?.Value ?? SummaryPolicy.DefaultTitleTemplate,
                MarkerLabel = d.MarkerLabel?.Value,
            },
            MergeRequests = MergeRequestSection.Build(d.MergeRequests),
        };
    }

    private static LabelDefinition ToDefinition(LabelDocument label) => new()
    {
        Name = label.Name.Value,
        Description = label.Description?.Value,
        Color = label.Color?.Value,
        Unused = label.Unused is { } u && bool.Parse(u.Value),
        Previously = [.. label.Previously.Select(p => p.Value)],
        Location = label.Name.Location,
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// Checks a rules file's values: names GitLab and quick actions can carry, a sprint pattern that compiles and agrees
/// with its title template, flow values that are really in the flow scope, rule ids that exist and actions a rule
/// can take. Each failure carries its <see cref="SourceLocation"/> as state.
/// </summary>
public sealed class RuleSetDocumentValidator : AbstractValidator<RuleSetDocument>
{
    private static readonly Regex Color = new("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public RuleSetDocumentValidator()
    {
        RuleFor(d => d.Version).Must(v => v is null || v.Value == "1")
            .WithMessage(d => $"version '{d.Version!.Value}' is not supported (this IssueHygiene reads version 1)")
            .WithState(d => d.Version!.Location);
        RuleFor(d => d.TimeZone).Must(t => t is null || TimeZoneInfo.TryFindSystemTimeZoneById(t.Value, out _))
            .WithMessage(d => $"timeZone '{d.TimeZone!.Value}' is not a known time zone (use an IANA name such as Europe/Amsterdam, or UTC)")
            .WithState(d => d.TimeZone!.Location);
        RuleFor(d => d.GracePeriod).Must(g => g is null || (DurationText.TryParse(g.Value, out var span) && span <= TimeSpan.FromDays(30)))
            .WithMessage(d => $"gracePeriod '{d.GracePeriod!.Value}' is not a duration of at most 30 days (write e.g. 1h, 30m, 2d or 01:00:00)")
            .WithState(d => d.GracePeriod!.Location);
        RuleForEach(d => d.WorkItemTypes).Must(t => RuleSetDefaults.KnownWorkItemTypes.Contains(t.Value.ToLowerInvariant()))
            .WithMessage((_, t) => $"workItemTypes entry '{t.Value}' is not a GitLab work item type (one of {string.Join(", ", RuleSetDefaults.KnownWorkItemTypes)})")
            .WithState((_, t) => t.Location);
        RuleFor(d => d.HandbookUrl).Must(u => u is null || (Uri.TryCreate(u.Value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage(d => $"handbookUrl '{d.HandbookUrl!.Value}' is not an absolute http(s) URL")
            .WithState(d => d.HandbookUrl!.Location);
        RuleFor(d => d).Custom(CheckMilestones);
        RuleFor(d => d).Custom(CheckLabels);
        RuleFor(d => d).Custom(CheckRules);
        RuleFor(d => d).Custom(CheckSummary);
        RuleFor(d => d).Custom((d, context) => MergeRequestSection.Check(d.MergeRequests, context));
    }

    private static void Fail(ValidationContext<RuleSetDocument> context, SourceLocation at, string message) =>
        context.AddFailure(new ValidationFailure(string.Empty, message) { CustomState = at });

    private static void CheckName(ValidationContext<RuleSetDocument> context, Located<string>? name, string what)
    {
        if (name is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(name.Value))
        {
            Fail(context, name.Location, $"{what} is empty");
        }
        else if (name.Value.AsSpan().IndexOfAny("\"\r\n") >= 0)
        {
            Fail(context, name.Location, $"{what} '{name.Value}' contains a double quote or a line break, which a quick action cannot carry");
        }
        else if (name.Value.Trim() != name.Value)
        {
            Fail(context, name.Location, $"{what} '{name.Value}' starts or ends with spaces");
        }
    }

    private static void CheckMilestones(RuleSetDocument d, ValidationContext<RuleSetDocument> context)
    {
        CheckName(context, d.Backlog, "milestones.backlog");
        CheckName(context, d.ExemptionLabel, "exemptionLabel");

        Regex? pattern = null;
        if (d.SprintPattern is { } p)
        {
            try
            {
                pattern = new Regex(p.Value, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (ArgumentException e)
            {
                Fail(context, p.Location, $"milestones.sprint.pattern does not compile: {e.Message}");
            }
            catch (NotSupportedException e)
            {
                Fail(context, p.Location, $"milestones.sprint.pattern uses a construct that cannot run in linear time: {e.Message}");
            }
        }

        var format = d.SprintDateFormat?.Value ?? RuleSetDefaults.SprintDateFormat;
        var sample = new DateOnly(2026, 11, 27);
        var formatOk = true;
        try
        {
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            formatOk = DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == sample;
        }
        catch (FormatException)
        {
            formatOk = false;
        }

        if (!formatOk && d.SprintDateFormat is { } f)
        {
            Fail(context, f.Location, $"milestones.sprint.dateFormat '{f.Value}' does not name a whole date (year, month and day), e.g. yyyy-MM-dd");
        }

        if (d.SprintWeekday is { } w && !Enum.TryParse<DayOfWeek>(w.Value, ignoreCase: true, out _))
        {
            Fail(context, w.Location, $"milestones.sprint.weekday '{w.Value}' is not a day of the week (e.g. Friday)");
        }

        if (d.PlanAheadWeeks is { } weeks && (!int.TryParse(weeks.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 0 or > 52))
        {
            Fail(context, weeks.Location, $"milestones.sprint.planAheadWeeks '{weeks.Value}' must be a whole number from 0 to 52");
        }

        var template = d.SprintTitleTemplate?.Value ?? RuleSetDefaults.SprintTitleTemplate;
        var templateAt = d.SprintTitleTemplate?.Location ?? d.SprintPattern?.Location ?? d.Start;
        if (!template.Contains("{date}", StringComparison.Ordinal))
        {
            Fail(context, templateAt, $"milestones.sprint.titleTemplate '{template}' must contain {{date}}");
        }
        else if (formatOk && (pattern is not null || d.SprintPattern is null))
        {
            // A title made by `milestones plan` must be recognised as the same sprint by the rules.
            var sprint = new SprintPolicy
            {
                Pattern = pattern ?? new Regex(RuleSetDefaults.SprintPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking),
                DateFormat = format,
                TitleTemplate = template,
            };
            var title = sprint.TitleFor(sample);
            if (sprint.DateOf(title) != sample)
            {
                Fail(context, templateAt, $"milestones.sprint.pattern does not read the date back from a title made by titleTemplate ('{title}')");
            }
        }
    }

    private static void CheckLabels(RuleSetDocument d, ValidationContext<RuleSetDocument> context)
    {
        var scope = d.FlowScope?.Value ?? RuleSetDefaults.FlowScope;
        if (d.FlowScope is { } s && (string.IsNullOrWhiteSpace(s.Value) || s.Value.EndsWith(':')))
        {
            Fail(context, s.Location, $"labels.flow.scope '{s.Value}' must be a label scope such as 'flow'");
        }

        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        void Unique(string fullName, SourceLocation at)
        {
            if (!seen.TryAdd(fullName, at))
            {
                Fail(context, at, $"label '{fullName}' is listed twice (first at line {seen[fullName].Line})");
            }
        }

        var flowValues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in d.FlowValues)
        {
            CheckLabel(context, value, "labels.flow.values");
            if (value.Name.Value.Contains("::", StringComparison.Ordinal))
            {
                Fail(context, value.Name.Location,
                    $"flow value '{value.Name.Value}' contains '::': GitLab's scope is everything before the last '::', so '{scope}::{value.Name.Value}' would not be a {scope} label");
            }

            flowValues.Add(value.Name.Value);
            Unique(scope + "::" + value.Name.Value, value.Name.Location);
        }

        var knownFlow = d.FlowValues.Count > 0 ? flowValues : [.. RuleSetDefaults.FlowValues];
        foreach (var (what, located) in new[] { ("triage", d.FlowTriage), ("blocked", d.FlowBlocked) })
        {
            if (located is not null && !knownFlow.Contains(located.Value))
            {
                Fail(context, located.Location, $"labels.flow.{what} '{located.Value}' is not one of labels.flow.values ({string.Join(", ", knownFlow)})");
            }
        }

        foreach (var active in d.FlowActive.Where(a => !knownFlow.Contains(a.Value)))
        {
            Fail(context, active.Location, $"labels.flow.active '{active.Value}' is not one of labels.flow.values ({string.Join(", ", knownFlow)})");
        }

        foreach (var (family, labels) in new[] { ("labels.type", d.Types), ("labels.stage", d.Stages), ("labels.other", d.Other) })
        {
            foreach (var label in labels)
            {
                CheckLabel(context, label, family);
                Unique(label.Name.Value, label.Name.Location);
                if (label.Unused is not null && family != "labels.stage")
                {
                    Fail(context, label.Unused.Location, $"'unused' applies to stage labels only ({label.Name.Value} is in {family})");
                }
            }
        }
    }

    private static void CheckLabel(ValidationContext<RuleSetDocument> context, LabelDocument label, string family)
    {
        CheckName(context, label.Name, family + " name");
        if (label.Name.Value.Contains(',', StringComparison.Ordinal))
        {
            Fail(context, label.Name.Location, $"{family} name '{label.Name.Value}' contains a comma, which GitLab's label lists cannot carry");
        }
        if (label.Color is { } color && !Color.IsMatch(color.Value))
        {
            Fail(context, color.Location, $"color '{color.Value}' of label '{label.Name.Value}' is not #RRGGBB (quote it in YAML: '#428BCA')");
        }

        if (label.Unused is { } unused && !bool.TryParse(unused.Value, out _))
        {
            Fail(context, unused.Location, $"unused '{unused.Value}' of label '{label.Name.Value}' must be true or false");
        }

        if (label.Description is { } description && description.Value.Length > 500)
        {
            Fail(context, description.Location, $"description of label '{label.Name.Value}' is longer than GitLab's 500 characters");
        }

        foreach (var old in label.Previously)
        {
            CheckName(context, old, $"previous name of '{label.Name.Value}'");
        }
    }

    private static void CheckRules(RuleSetDocument d, ValidationContext<RuleSetDocument> context)
    {
        foreach (var rule in d.Rules)
        {
            var descriptor = RuleCatalog.Find(rule.Id.Value);
            if (descriptor is null)
            {
                var closest = Labels.LabelResemblance.ClosestTo(rule.Id.Value, RuleCatalog.All.Select(r => r.Id));
                Fail(context, rule.Id.Location, $"no rule is called '{rule.Id.Value}'"
                    + (closest is null ? $" (rules: {string.Join(", ", RuleCatalog.All.Select(r => r.Id))})" : $"; did you mean '{closest}'?"));
                continue;
            }

            var severity = descriptor.DefaultSeverity;
            if (rule.Severity is { } s && !TryParseSeverity(s.Value, out severity))
            {
                Fail(context, s.Location, $"severity '{s.Value}' of rule '{rule.Id.Value}' must be error, warning or info");
                continue;
            }

            var action = descriptor.DefaultAction;
            if (rule.Action is { } a)
            {
                if (!TryParseAction(a.Value, out action) || !AllowsAction(descriptor, action))
                {
                    Fail(context, a.Location, $"rule '{rule.Id.Value}' cannot take action '{a.Value}' (it can: "
                        + string.Join(", ", AllowedActions(descriptor).Select(x => x.ToString().ToLowerInvariant())) + ")");
                    continue;
                }
            }

            if (severity == Severity.Info && action is RuleAction.Comment or RuleAction.Fix)
            {
                Fail(context, (rule.Action ?? rule.Severity ?? rule.Id).Location,
                    $"rule '{rule.Id.Value}' has severity info, which only reports show: use action report, or raise the severity to warning");
            }

            foreach (var (name, value) in rule.Parameters)
            {
                var parameter = descriptor.Parameters.First(p => p.Name == name.Value);
                if (parameter.AllowedValues is { } allowed && !allowed.Contains(value.Value))
                {
                    Fail(context, value.Location, $"{rule.Id.Value}.{name.Value} must be one of: {string.Join(", ", allowed)}");
                }
                else if (parameter.AllowedValues is null)
                {
                    CheckName(context, value, $"{rule.Id.Value}.{name.Value}");
                }
            }
        }
    }

    /// <summary>Summary is a report that the summary issue also lists: any rule that can report can summarise.</summary>
    internal static bool AllowsAction(RuleDescriptor descriptor, RuleAction action) =>
        descriptor.AllowedActions.Contains(action) || (action == RuleAction.Summary && descriptor.AllowedActions.Contains(RuleAction.Report));

    private static IEnumerable<RuleAction> AllowedActions(RuleDescriptor descriptor) =>
        descriptor.AllowedActions.Contains(RuleAction.Report) && !descriptor.AllowedActions.Contains(RuleAction.Summary)
            ? [.. descriptor.AllowedActions, RuleAction.Summary]
            : descriptor.AllowedActions;

    private static void CheckSummary(RuleSetDocument d, ValidationContext<RuleSetDocument> context)
    {
        CheckName(context, d.MarkerLabel, "summary.markerLabel");
        if (d.SummaryTitle is { } title && (string.IsNullOrWhiteSpace(title.Value) || title.Value.AsSpan().IndexOfAny("\r\n") >= 0 || title.Value.Length > 255))
        {
            Fail(context, title.Location, "summary.title must be one line of at most 255 characters ({scope} is replaced by the scope)");
        }
    }

    internal static bool TryParseSeverity(string text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity) && !int.TryParse(text, out _);

    internal static bool TryParseAction(string text, out RuleAction action) =>
        Enum.TryParse(text, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(text, out _);
}

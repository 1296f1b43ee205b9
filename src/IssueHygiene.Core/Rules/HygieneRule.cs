using FluentValidation;
using FluentValidation.Results;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// Base of the issue-level rules: a FluentValidation validator over <see cref="IssueFacts"/> whose failures carry
/// the rule id as error code, the configured severity, and the <see cref="Violation"/> (message + fixes) as state.
/// Each rule decides only; acting on the verdict is the Actuator's job.
/// </summary>
public abstract class HygieneRule : AbstractValidator<IssueFacts>
{
    protected HygieneRule(RuleDescriptor descriptor, RuleSettings settings)
    {
        Descriptor = descriptor;
        Settings = settings;
        // The facts are validated as a whole; the property is only the rule's anchor in FluentValidation.
        RuleFor(facts => facts.Issue).Custom((_, context) => Check(context.InstanceToValidate, context));
    }

    public RuleDescriptor Descriptor { get; }

    public RuleSettings Settings { get; }

    /// <summary>How to fix a finding; rules that name labels list the rules file's, not the handbook's.</summary>
    protected virtual string Help => Descriptor.Help;

    /// <summary>The handbook citation the help ends with (set once the rule set is known, see <see cref="Cite"/>).</summary>
    private string _citation = string.Empty;

    /// <summary>Completes the help text with the handbook's quotes and link as the rule set configures them.</summary>
    internal HygieneRule Cite(RuleSet rules)
    {
        _citation = Descriptor.Citation.Render(rules, Settings);
        return this;
    }

    /// <summary>Names as the help text shows them: <c>`Bug`, `Feature Request`</c>.</summary>
    protected static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => "`" + n + "`"));

    /// <summary>Runs this rule's check inside another validator's context (see <see cref="Evaluation.PolicyValidator"/>).</summary>
    internal void Run(IssueFacts facts, ValidationContext<IssueFacts> context) => Check(facts, context);

    /// <summary>Inspects the facts and calls <see cref="Report"/> for each finding.</summary>
    protected abstract void Check(IssueFacts facts, ValidationContext<IssueFacts> context);

    /// <summary>
    /// Records a finding; <paramref name="fixes"/> are applied only when the rule's action is fix. Otherwise they,
    /// or <paramref name="suggestions"/>, are what a person can copy into a comment to fix it; <paramref name="choices"/>
    /// are alternatives (one line each) when a person must choose. Commands naming a label that cannot be quoted
    /// safely are dropped.
    /// </summary>
    protected void Report(
        ValidationContext<IssueFacts> context,
        string messageTemplate,
        IReadOnlyList<string>? arguments = null,
        IReadOnlyList<QuickAction>? fixes = null,
        string? fixUnavailable = null,
        IReadOnlyList<string>? fixUnavailableArguments = null,
        IReadOnlyList<QuickAction>? suggestions = null,
        IReadOnlyList<QuickActionChoice>? choices = null)
    {
        var isFix = Settings.Action == RuleAction.Fix;
        var applied = isFix && fixes is not null ? fixes : [];
        var violation = new Violation
        {
            Rule = Descriptor.Id,
            Severity = Settings.Severity,
            Action = Settings.Action,
            MessageTemplate = messageTemplate,
            Arguments = arguments ?? [],
            Help = _citation.Length == 0 ? Help : Help + " " + _citation,
            Fixes = applied,
            Suggested = applied.Count > 0 ? [] : [.. (suggestions ?? fixes ?? []).Where(a => a.CanRender)],
            Choices = applied.Count > 0 ? [] : [.. (choices ?? []).Where(c => c.Action.CanRender)],
            FixUnavailable = isFix ? fixUnavailable : null,
            FixUnavailableArguments = isFix && fixUnavailableArguments is not null ? fixUnavailableArguments : [],
        };
        context.AddFailure(new ValidationFailure(Descriptor.Id, violation.Message)
        {
            ErrorCode = Descriptor.Id,
            Severity = Settings.Severity switch
            {
                Policy.Severity.Error => FluentValidation.Severity.Error,
                Policy.Severity.Warning => FluentValidation.Severity.Warning,
                _ => FluentValidation.Severity.Info,
            },
            CustomState = violation,
        });
    }

    /// <summary>What a person types to swap a label for the one it was meant to be (two command lines).</summary>
    protected static QuickAction[] Replace(string label, string known) => [new RemoveLabelAction(label), new AddLabelAction(known)];

    /// <summary>
    /// One command line per label a person may keep of <paramref name="labels"/>: remove all the others. Explicit, because
    /// on GitLab Free a scoped label does not replace the others of its scope.
    /// </summary>
    protected static QuickActionChoice[] KeepOne(IReadOnlyList<string> labels, IEnumerable<string> keepable) =>
        [.. keepable.Distinct().Select(keep => new QuickActionChoice(keep, new RemoveLabelsAction([.. labels.Where(l => l != keep)])))];

    /// <summary>
    /// The message for a label that looks like <c>{1}</c> but is not (case, a non-Latin letter, an invisible or
    /// no-break character), naming each differing character by code point; <c>{0}</c> is the label on the issue.
    /// </summary>
    protected static string LookAlikeMessage(string prefix, IReadOnlyList<string> differences, string whatItIsNot) =>
        prefix + "{0} is not {1}, though it looks the same: "
        + string.Join("; ", differences).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)
        + ". GitLab compares label names exactly, so it is not " + whatItIsNot + ".";

    /// <summary>
    /// Reports every undocumented label on the issue that looks identical to one of <paramref name="known"/>, with
    /// the two commands that swap it; true when there was one.
    /// </summary>
    protected bool ReportLookAlikes(ValidationContext<IssueFacts> context, IssueFacts facts, IReadOnlySet<string> known, string prefix, string whatItIsNot)
    {
        var found = false;
        foreach (var label in facts.Issue.Labels)
        {
            // A documented label is meant as it is, even if it resembles one of another family.
            if (!facts.Policy.DocumentedLabels.Contains(label) && Labels.LookAlike.TwinOf(label, known) is { } twin)
            {
                Report(context, LookAlikeMessage(prefix, twin.Differences, whatItIsNot), [label, twin.Known], suggestions: Replace(label, twin.Known));
                found = true;
            }
        }

        return found;
    }

    /// <summary>The action is fix: worth planning quick actions.</summary>
    protected bool Fixes => Settings.Action == RuleAction.Fix;
}

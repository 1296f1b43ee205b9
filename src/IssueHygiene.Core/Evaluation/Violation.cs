using System.Globalization;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// One rule's finding on one issue. The message is a template whose <c>{0}</c>, <c>{1}</c>… are user-controlled
/// names (labels, milestones) kept apart in <see cref="Arguments"/>, so each renderer can quote or escape them.
/// </summary>
public sealed record Violation
{
    public required string Rule { get; init; }

    public required Severity Severity { get; init; }

    public required RuleAction Action { get; init; }

    /// <summary>What is wrong, with <c>{n}</c> placeholders for <see cref="Arguments"/>.</summary>
    public required string MessageTemplate { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>How to fix it, naming the handbook section it comes from (no user text).</summary>
    public required string Help { get; init; }

    /// <summary>The quick actions that fix it, when the action is <see cref="RuleAction.Fix"/> and a fix is possible.</summary>
    public IReadOnlyList<QuickAction> Fixes { get; init; } = [];

    /// <summary>
    /// When IssueHygiene does not fix the finding: the exact quick actions a person can copy into a comment to fix it
    /// (empty when no single command does).
    /// </summary>
    public IReadOnlyList<QuickAction> Suggested { get; init; } = [];

    /// <summary>
    /// When a person must choose how to fix the finding (which of several labels to keep): one copyable command line
    /// per choice, any one of which fixes it. Empty when there is nothing to choose or IssueHygiene fixes it.
    /// </summary>
    public IReadOnlyList<QuickActionChoice> Choices { get; init; } = [];

    /// <summary>
    /// Why a <see cref="RuleAction.Fix"/> rule could not plan its fix (it is then reported as a comment): a template whose
    /// <c>{n}</c> are <see cref="FixUnavailableArguments"/> (names from GitLab), like the message.
    /// </summary>
    public string? FixUnavailable { get; init; }

    public IReadOnlyList<string> FixUnavailableArguments { get; init; } = [];

    /// <summary>Plain text: arguments in double quotes. For terminals, logs and JSON.</summary>
    public string Message => Format(static a => "\"" + a + "\"");

    /// <summary>True when this finding belongs in the sticky lint note (errors and warnings that comment or fix).</summary>
    public bool InLintNote => Severity >= Severity.Warning && Action is RuleAction.Comment or RuleAction.Fix;

    /// <summary>Value equality, lists included: the same finding twice is equal (used to compare verdicts).</summary>
    public bool Equals(Violation? other) =>
        other is not null
        && Rule == other.Rule && Severity == other.Severity && Action == other.Action
        && MessageTemplate == other.MessageTemplate && Help == other.Help && FixUnavailable == other.FixUnavailable
        && Arguments.SequenceEqual(other.Arguments) && Fixes.SequenceEqual(other.Fixes) && Suggested.SequenceEqual(other.Suggested)
        && Choices.SequenceEqual(other.Choices)
        && FixUnavailableArguments.SequenceEqual(other.FixUnavailableArguments);

    public override int GetHashCode() => HashCode.Combine(Rule, Severity, Action, MessageTemplate, Arguments.Count, Fixes.Count);

    /// <summary>Why the fix is unavailable, each argument passed through <paramref name="quote"/>; null when it is not.</summary>
    public string? FixUnavailableText(Func<string, string> quote) =>
        FixUnavailable is null ? null : Template.Format(FixUnavailable, FixUnavailableArguments, quote);

    /// <summary>The message with each argument passed through <paramref name="quote"/>.</summary>
    public string Format(Func<string, string> quote) => Template.Format(MessageTemplate, Arguments, quote);

    private static class Template
    {
        public static string Format(string template, IReadOnlyList<string> arguments, Func<string, string> quote)
        {
            if (arguments.Count == 0)
            {
                return template;
            }

            var quoted = new object[arguments.Count];
            for (var i = 0; i < quoted.Length; i++)
            {
                quoted[i] = quote(arguments[i]);
            }

            return string.Format(CultureInfo.InvariantCulture, template, quoted);
        }
    }
}

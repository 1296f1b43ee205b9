using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>What a rule is: its id (a contract), defaults, what the rules file may set, and where it comes from.</summary>
public sealed record RuleDescriptor
{
    public required string Id { get; init; }

    public required Severity DefaultSeverity { get; init; }

    public required RuleAction DefaultAction { get; init; }

    /// <summary>The actions this rule can take (only some rules know how to fix).</summary>
    public required IReadOnlyList<RuleAction> AllowedActions { get; init; }

    /// <summary>Parameters the rules file may set, with their meaning.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>One line: what the rule checks.</summary>
    public required string Summary { get; init; }

    /// <summary>How to fix a finding (no user text); the handbook citation is appended to it.</summary>
    public required string Help { get; init; }

    /// <summary>The handbook section the rule comes from.</summary>
    public required string HandbookSection { get; init; }

    /// <summary>The handbook's sentences the rule enforces, word for word (Markdown links reduced to their text).</summary>
    public required IReadOnlyList<string> HandbookQuotes { get; init; }

    /// <summary>The section and quotes, for help texts and links.</summary>
    public HandbookCitation Citation => new(HandbookSection, HandbookQuotes);

    /// <summary>True for rules that check one issue (false for the sweep's milestone-level checks).</summary>
    public bool IsIssueLevel { get; init; } = true;

    /// <summary>True for rules that check one merge request ("Code review").</summary>
    public bool IsMergeRequestLevel { get; init; }
}

namespace IssueHygiene.Core.Rules;

/// <summary>A parameter a rule accepts from the rules file.</summary>
/// <param name="Name">The key under the rule.</param>
/// <param name="Description">What it changes.</param>
/// <param name="AllowedValues">When set, the only values accepted.</param>
public sealed record RuleParameter(string Name, string Description, IReadOnlyList<string>? AllowedValues = null);

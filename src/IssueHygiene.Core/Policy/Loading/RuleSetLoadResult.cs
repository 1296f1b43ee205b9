namespace IssueHygiene.Core.Policy.Loading;

/// <summary>A loaded rule set, or every error found (never both).</summary>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<RuleSetError> Errors)
{
    public bool Succeeded => RuleSet is not null;
}

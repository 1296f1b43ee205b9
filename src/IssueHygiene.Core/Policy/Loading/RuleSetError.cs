namespace IssueHygiene.Core.Policy.Loading;

/// <summary>One problem in a rules file, printed as <c>FILE:LINE:COL: message</c>.</summary>
public sealed record RuleSetError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

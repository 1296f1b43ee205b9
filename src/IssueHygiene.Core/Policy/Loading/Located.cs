namespace IssueHygiene.Core.Policy.Loading;

/// <summary>A value read from a rules file together with where it was written.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);

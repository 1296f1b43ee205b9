namespace IssueHygiene.Core.Reporting;

/// <summary>How a run compares with the scope's previous one: its totals by rule, and findings that appeared or went.</summary>
/// <param name="PreviousAt">When the previous run finished.</param>
/// <param name="PreviousByRule">The previous run's findings by rule.</param>
/// <param name="New">Findings (issue × rule) this run has that the previous state did not.</param>
/// <param name="Resolved">Findings the previous state had that this run no longer finds.</param>
public sealed record RunComparison(DateTimeOffset PreviousAt, IReadOnlyDictionary<string, int> PreviousByRule, int New, int Resolved)
{
    public int PreviousTotal => PreviousByRule.Values.Sum();
}

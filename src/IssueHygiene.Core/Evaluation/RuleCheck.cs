using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>One enabled rule's outcome on one issue, for <c>@bot explain</c>.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Severity">Its configured severity.</param>
/// <param name="Result">Passed, failed or waived.</param>
/// <param name="Summary">What the rule checks (trusted text from the catalog): why it passed.</param>
/// <param name="Findings">Why it failed (or what the waiver hides).</param>
public sealed record RuleCheck(string RuleId, Severity Severity, RuleCheckResult Result, string Summary, IReadOnlyList<Violation> Findings);

public enum RuleCheckResult
{
    Passed,
    Failed,
    Waived,
}

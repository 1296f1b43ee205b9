using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// One cell of a run's totals: findings of a rule in a project for an assignee at a severity. The assignee is the
/// issue's first assignee by username (empty when unassigned), so the cells add up to the run's total.
/// </summary>
public readonly record struct FindingTallyKey(string Rule, string Project, string Assignee, Severity Severity);

namespace IssueHygiene.Storage.Health;

/// <summary>One cell of a run's totals: a rule's findings in a project for an assignee (empty: none) at a severity.</summary>
public sealed record HealthTotal(string Rule, string Project, string Assignee, string Severity, int Count);

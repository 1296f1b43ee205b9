using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Reporting;

/// <summary>
/// An issue the summary lists: one with an error-level finding, or a finding whose rule's action is
/// <see cref="RuleAction.Summary"/>. <see cref="Title"/> is null for a confidential issue: its title is never shown.
/// </summary>
public sealed record FlaggedIssue(
    long ProjectId,
    string Project,
    long Iid,
    string? WebUrl,
    string? Title,
    string Assignee,
    Severity Worst,
    IReadOnlyList<string> Rules);

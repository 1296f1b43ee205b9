using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>What one edit did to an issue; null <see cref="Before"/> means the issue was just created.</summary>
internal sealed record IssueChange(SimIssue Issue, IssueMemento? Before, string Action, SimUser Actor);

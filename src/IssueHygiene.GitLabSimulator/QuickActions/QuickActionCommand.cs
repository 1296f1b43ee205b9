namespace IssueHygiene.GitLabSimulator.QuickActions;

/// <summary>One <c>/command argument</c> line found in a note.</summary>
internal sealed record QuickActionCommand(string Name, string Argument);

namespace IssueHygiene.GitLabSimulator.QuickActions;

/// <summary>A note split into the commands GitLab would run and the text it would store.</summary>
internal sealed record ParsedNote(IReadOnlyList<QuickActionCommand> Commands, string RemainingText);

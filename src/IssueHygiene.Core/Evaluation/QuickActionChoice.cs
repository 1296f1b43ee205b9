namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// One of several ways to fix a finding when only a person can choose (which of two flow labels is right): the label
/// this choice keeps, and the one command line that keeps it. <see cref="Keeps"/> is a name from GitLab (user text).
/// </summary>
public sealed record QuickActionChoice(string Keeps, QuickAction Action);

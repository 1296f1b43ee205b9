namespace IssueHygiene.GitLab.Requests;

/// <summary>A new project or group label: <c>Name</c> like <c>flow::Triage</c>, <c>Color</c> as <c>#RRGGBB</c>.</summary>
public sealed record LabelCreate(string Name, string Color, string? Description = null, int? Priority = null);

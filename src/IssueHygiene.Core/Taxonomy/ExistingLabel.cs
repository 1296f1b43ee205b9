namespace IssueHygiene.Core.Taxonomy;

/// <summary>A label as GitLab has it at group level (what <c>labels sync</c> compares with the taxonomy).</summary>
public sealed record ExistingLabel(string Name, string? Color, string? Description);

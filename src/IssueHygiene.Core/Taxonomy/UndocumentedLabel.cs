namespace IssueHygiene.Core.Taxonomy;

/// <summary>A label found on open issues that the taxonomy does not document (<c>label-documented</c>), with how many carry it.</summary>
public sealed record UndocumentedLabel(string Name, int OpenIssues);

namespace IssueHygiene.Core.Taxonomy;

/// <summary>One write <c>labels sync</c> makes to a group label.</summary>
/// <param name="Kind">Create, update or rename.</param>
/// <param name="Name">The taxonomy name (after a rename, the new name).</param>
/// <param name="PreviousName">For a rename, the label's current (former) name.</param>
/// <param name="Color">The colour to set; null leaves GitLab's.</param>
/// <param name="Description">The description to set; null leaves GitLab's.</param>
/// <param name="Reason">Why, for the person reading the plan (e.g. <c>colour #FF0000 → #D9534F</c>).</param>
public sealed record LabelChange(LabelChangeKind Kind, string Name, string? PreviousName, string? Color, string? Description, string Reason);

namespace IssueHygiene.Core.Taxonomy;

/// <summary>A sprint milestone <c>milestones plan</c> creates: titled for its Friday, from that week's Monday to the Friday.</summary>
public sealed record PlannedSprintMilestone(string Title, DateOnly StartDate, DateOnly DueDate);

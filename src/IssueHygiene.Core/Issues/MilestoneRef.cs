namespace IssueHygiene.Core.Issues;

/// <summary>The milestone an issue is in, as far as the rules need it.</summary>
/// <param name="Id">GitLab's global milestone id.</param>
/// <param name="Title">The title (rules match on it: <c>Backlog</c>, a sprint date).</param>
/// <param name="DueDate">The due date, when set.</param>
/// <param name="StartDate">The start date, when set.</param>
/// <param name="GroupId">Set for a group milestone.</param>
/// <param name="ProjectId">Set for a project milestone.</param>
/// <param name="State"><c>active</c> or <c>closed</c>.</param>
public sealed record MilestoneRef(
    long Id,
    string Title,
    DateOnly? DueDate = null,
    DateOnly? StartDate = null,
    long? GroupId = null,
    long? ProjectId = null,
    string State = "active");

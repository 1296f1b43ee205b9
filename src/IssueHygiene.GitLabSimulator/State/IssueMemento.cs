using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>An issue's attributes before a change: what a webhook's <c>changes.*.previous</c> shows.</summary>
internal sealed record IssueMemento(
    string Title,
    string? Description,
    IReadOnlyList<long> LabelIds,
    long? MilestoneId,
    IReadOnlyList<long> AssigneeIds,
    bool Confidential,
    bool IsOpen,
    DateTimeOffset? ClosedAt,
    long? ClosedById,
    DateTimeOffset UpdatedAt,
    long? UpdatedById,
    DateOnly? DueDate,
    DateTimeOffset? LastEditedAt,
    long? LastEditedById)
{
    public static IssueMemento Of(SimIssue issue) => new(
        issue.Title,
        issue.Description,
        [.. issue.LabelIds],
        issue.MilestoneId,
        [.. issue.AssigneeIds],
        issue.Confidential,
        issue.IsOpen,
        issue.ClosedAt,
        issue.ClosedById,
        issue.UpdatedAt,
        issue.UpdatedById,
        issue.DueDate,
        issue.LastEditedAt,
        issue.LastEditedById);
}

namespace IssueHygiene.GitLabSimulator;

/// <summary>A copy of one issue's state, for assertions (label titles sorted, as the API shows them).</summary>
public sealed record IssueView(
    long Id,
    long Iid,
    long ProjectId,
    string Title,
    string? Description,
    string State,
    IReadOnlyList<string> Labels,
    long? MilestoneId,
    string? MilestoneTitle,
    IReadOnlyList<string> AssigneeUsernames,
    bool Confidential,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int UserNotesCount);

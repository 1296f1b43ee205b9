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

public sealed record NoteView(long Id, long IssueId, string Body, string AuthorUsername, bool Internal, bool System, DateTimeOffset CreatedAt);

public sealed record LabelView(long Id, string Title, string Color, string? Description, long? GroupId, long? ProjectId);

public sealed record MilestoneView(long Id, long Iid, string Title, string State, DateOnly? StartDate, DateOnly? DueDate, long? GroupId, long? ProjectId);

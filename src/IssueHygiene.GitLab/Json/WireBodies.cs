namespace IssueHygiene.GitLab.Json;

// Request bodies as GitLab's API spells them; kept apart from the public request records so
// callers get lists while GitLab gets its documented comma-separated form.

internal sealed record IssueUpdateBody(
    string? AddLabels,
    string? RemoveLabels,
    long? MilestoneId,
    IReadOnlyList<long>? AssigneeIds,
    bool? Confidential,
    string? Title = null,
    string? Description = null);

internal sealed record IssueCreateBody(string Title, string? Description, string? Labels);

internal sealed record NoteBody(string Body, bool? Internal);

internal sealed record LabelCreateBody(string Name, string Color, string? Description, int? Priority);

internal sealed record LabelUpdateBody(string? NewName, string? Color, string? Description, int? Priority);

internal sealed record MilestoneCreateBody(string Title, string? Description, DateOnly? DueDate, DateOnly? StartDate);

internal sealed record ProjectHookCreateBody(
    string Url,
    string? Token,
    bool IssuesEvents,
    bool ConfidentialIssuesEvents,
    bool NoteEvents,
    bool ConfidentialNoteEvents,
    bool EnableSslVerification,
    bool PushEvents,
    bool MergeRequestsEvents);

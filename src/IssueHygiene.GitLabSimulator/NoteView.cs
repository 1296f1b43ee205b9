namespace IssueHygiene.GitLabSimulator;

public sealed record NoteView(long Id, long IssueId, string Body, string AuthorUsername, bool Internal, bool System, DateTimeOffset CreatedAt);

namespace IssueHygiene.Core.Commands;

/// <summary>A command and its author.</summary>
public sealed record AuthoredCommand(CommentCommand Command, long? AuthorId, string AuthorUsername);

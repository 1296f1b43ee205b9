namespace IssueHygiene.Core.Commands;

/// <summary>The commands of one comment that are acted on, and how many more it held beyond the per-comment cap.</summary>
public sealed record ParsedComment(IReadOnlyList<CommentCommand> Commands, int Ignored);

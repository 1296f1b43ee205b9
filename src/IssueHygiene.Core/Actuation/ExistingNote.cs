namespace IssueHygiene.Core.Actuation;

/// <summary>A note on the issue that carries IssueHygiene's marker (there should be at most one).</summary>
public sealed record ExistingNote(long Id, string Body);

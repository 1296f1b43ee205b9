namespace IssueHygiene.Storage.LintNotes;

/// <summary>A rule switched off for one issue, until a date (inclusive) or for good (<c>Until</c> null).</summary>
public sealed record Waiver(
    long ProjectId,
    long IssueIid,
    string RuleId,
    DateOnly? Until,
    string Reason,
    string WaivedBy,
    DateTimeOffset WaivedAt);

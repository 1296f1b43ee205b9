namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// A rule switched off for one issue by a team member (<c>@bot waive</c>): its findings are left out of the verdict
/// and the sticky note says who waived it, until when and why. Reason and user are user text, escaped by renderers.
/// </summary>
/// <param name="RuleId">The waived rule.</param>
/// <param name="Until">Last day (inclusive) the waiver holds; null for good.</param>
/// <param name="Reason">Why, as the member wrote it (may be empty).</param>
/// <param name="WaivedBy">The member's username.</param>
public sealed record RuleWaiver(string RuleId, DateOnly? Until, string Reason, string WaivedBy);

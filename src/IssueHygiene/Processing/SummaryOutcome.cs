using IssueHygiene.Core.Summary;

namespace IssueHygiene.Processing;

/// <summary>What became of a scope's summary issue plan.</summary>
/// <param name="Plan">The plan (its description is the preview).</param>
/// <param name="Status">Written, planned (dry run), nothing to do, refused by the budget, or failed.</param>
/// <param name="Iid">The issue's iid once known.</param>
/// <param name="WebUrl">Where a person finds it.</param>
/// <param name="Error">Why it failed.</param>
public sealed record SummaryOutcome(SummaryIssuePlan Plan, ActStatus Status, long? Iid, string? WebUrl, string? Error = null);

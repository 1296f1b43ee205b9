using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Processing;

namespace IssueHygiene.MergeRequests;

/// <summary>What processing one merge request found and did (the same statuses as an issue's act step).</summary>
public sealed record MergeRequestOutcome(MergeRequestVerdict Verdict, IReadOnlyList<PlannedWrite> Writes, ActStatus Status, int ExtraRequests, string? Error = null)
{
    /// <summary>Leaked credentials found in the MR's title, description and the comments scanned.</summary>
    public int SecretFindings { get; init; }
}

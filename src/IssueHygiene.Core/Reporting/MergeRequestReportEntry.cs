using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;

namespace IssueHygiene.Core.Reporting;

/// <summary>One merge request with findings in a report: what was found and what was (or would be) written.</summary>
public sealed record MergeRequestReportEntry(
    long ProjectId,
    string? ProjectPath,
    long Iid,
    string Title,
    string? WebUrl,
    MergeRequestState State,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<PlannedWrite> Writes);

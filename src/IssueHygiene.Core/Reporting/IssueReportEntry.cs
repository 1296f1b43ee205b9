using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.Reporting;

/// <summary>One issue in a report: its verdict and the writes made or planned for it.</summary>
public sealed record IssueReportEntry(Verdict Verdict, IReadOnlyList<PlannedWrite> PlannedWrites);

using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Summary;

/// <summary>
/// The one write that keeps a scope's summary issue current: create it (first run), edit it in place, or nothing
/// when it already says exactly this. A value like every other plan: dry run reports it, a live run makes it.
/// </summary>
/// <param name="Scope">The scope the issue summarises.</param>
/// <param name="ProjectId">The project the issue is (or will be) in.</param>
/// <param name="Iid">The existing issue's iid; null when it is to be created.</param>
/// <param name="Title">The issue's title.</param>
/// <param name="Description">The description it must have (the preview shown by <c>--summary-preview</c>).</param>
/// <param name="Write">The write; null when the issue is already current.</param>
public sealed record SummaryIssuePlan(string Scope, long ProjectId, long? Iid, string Title, string Description, PlannedWrite? Write);

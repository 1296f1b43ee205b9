using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>A milestone-level finding of the sweep report (not tied to an issue).</summary>
public sealed record MilestoneFinding(string Rule, Severity Severity, string Message, MilestoneRef? Milestone);

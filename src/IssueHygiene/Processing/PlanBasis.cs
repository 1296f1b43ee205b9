using IssueHygiene.Core.Issues;

namespace IssueHygiene.Processing;

/// <summary>The issue state a plan was made from, and when it was read from GitLab.</summary>
public sealed record PlanBasis(IssueSnapshot Issue, DateTimeOffset ReadAt);

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// A merge request with what was fetched for it: its changed paths and its author's access level in the group, each
/// null when it was not fetched (no enabled rule needed it).
/// </summary>
/// <param name="MergeRequest">The MR.</param>
/// <param name="ChangedPaths">Old and new paths of every changed file; null when not fetched.</param>
/// <param name="AuthorAccessLevel">The author's access level in the group (0 when not a member); null when not fetched.</param>
public sealed record MergeRequestFacts(MergeRequestSnapshot MergeRequest, IReadOnlyList<string>? ChangedPaths = null, int? AuthorAccessLevel = null);

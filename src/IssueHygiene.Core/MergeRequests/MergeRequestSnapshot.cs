using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// What the merge-request rules see of one MR, whether it came from the REST API or a Merge Request Hook. The changed
/// paths and the author's access level are not part of it: they cost a request each and are fetched only when a rule
/// needs them (<see cref="MergeRequestFacts"/>).
/// </summary>
public sealed record MergeRequestSnapshot
{
    public required long ProjectId { get; init; }

    /// <summary>The MR number inside its project (what <c>!12</c> names).</summary>
    public required long Iid { get; init; }

    /// <summary>GitLab's global MR id (a Note Hook's <c>noteable_id</c>); 0 when unknown.</summary>
    public long Id { get; init; }

    public string Title { get; init; } = string.Empty;

    /// <summary>Scanned for leaked credentials (never evaluated by the "Code review" rules); null when unknown.</summary>
    public string? Description { get; init; }

    public required MergeRequestState State { get; init; }

    /// <summary>Draft (formerly "WIP"): not ready for review, so not yet asked to have a reviewer.</summary>
    public bool Draft { get; init; }

    public required UserRef Author { get; init; }

    public IReadOnlyList<UserRef> Reviewers { get; init; } = [];

    /// <summary>Who merged it: GitLab's <c>merge_user</c>, else the deprecated <c>merged_by</c>; null unless merged.</summary>
    public UserRef? MergedBy { get; init; }

    public DateTimeOffset? MergedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? WebUrl { get; init; }

    /// <summary><c>group/project</c> when known, for messages.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>GitLab's <c>user_notes_count</c>: 0 means no lint note can exist. Null when unknown.</summary>
    public int? UserNotesCount { get; init; }
}

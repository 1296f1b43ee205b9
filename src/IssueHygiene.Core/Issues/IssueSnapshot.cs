namespace IssueHygiene.Core.Issues;

/// <summary>
/// What the rules see of one issue: the same shape whether it came from the REST API, a webhook
/// payload or a hand-written JSON file. Immutable, so one snapshot gives one verdict.
/// </summary>
public sealed record IssueSnapshot
{
    /// <summary>GitLab's project id.</summary>
    public required long ProjectId { get; init; }

    /// <summary>The issue number inside its project (what <c>#123</c> names).</summary>
    public required long Iid { get; init; }

    /// <summary>GitLab's global issue id (a Note Hook's <c>noteable_id</c>); 0 when unknown.</summary>
    public long Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    public required IssueState State { get; init; }

    /// <summary>Label titles exactly as GitLab spells them (case and spaces kept).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public MilestoneRef? Milestone { get; init; }

    public IReadOnlyList<UserRef> Assignees { get; init; } = [];

    public UserRef? Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? WebUrl { get; init; }

    /// <summary><c>group/project</c> when known, for messages and the <c>lint PROJECT#IID</c> form.</summary>
    public string? ProjectPath { get; init; }

    public bool Confidential { get; init; }

    /// <summary>
    /// GitLab's <c>user_notes_count</c> (non-system notes): 0 means no lint note can exist, so none need listing.
    /// Null when unknown.
    /// </summary>
    public int? UserNotesCount { get; init; }

    /// <summary>GitLab's issue type (<c>issue</c>, <c>incident</c>, <c>task</c>…); null when not given.</summary>
    public string? IssueType { get; init; }
}

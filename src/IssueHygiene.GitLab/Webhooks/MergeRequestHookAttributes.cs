namespace IssueHygiene.GitLab.Webhooks;

/// <summary>
/// The merge request of a Merge Request Hook (<c>object_attributes</c>), and of a Note Hook on an MR
/// (<c>merge_request</c>). GitLab's payload names the reviewers by id only and does not say who merged: the worker
/// reads the MR from the REST API before judging it.
/// </summary>
public sealed record MergeRequestHookAttributes
{
    public long Id { get; init; }

    /// <summary>0 when absent (a hostile or truncated payload): such an event names no MR and is ignored.</summary>
    public long Iid { get; init; }

    public string? Title { get; init; }

    /// <summary><c>opened</c>, <c>closed</c>, <c>locked</c> or <c>merged</c>.</summary>
    public string? State { get; init; }

    public bool? Draft { get; init; }

    public bool? WorkInProgress { get; init; }

    public long? AuthorId { get; init; }

    public List<long>? ReviewerIds { get; init; }

    public long? TargetProjectId { get; init; }

    public long? SourceProjectId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Url { get; init; }

    /// <summary><c>open</c>, <c>close</c>, <c>reopen</c>, <c>update</c>, <c>approved</c>, <c>unapproved</c>, <c>approval</c>, <c>unapproval</c>, <c>merge</c>.</summary>
    public string? Action { get; init; }
}

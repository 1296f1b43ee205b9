namespace IssueHygiene.GitLab.Requests;

/// <summary>
/// Filters of <c>GET /projects/:id/merge_requests</c> and <c>GET /groups/:id/merge_requests</c>. GitLab has no
/// "merged after" filter, so "merged since" is <c>state=merged&amp;updated_after=…</c> (a merge updates the MR) and the
/// caller keeps those whose <c>merged_at</c> is recent enough.
/// </summary>
public sealed record MergeRequestQuery
{
    public MergeRequestStateFilter State { get; init; } = MergeRequestStateFilter.Opened;

    /// <summary><c>updated_after</c>: only MRs updated at or after this time.</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }
}

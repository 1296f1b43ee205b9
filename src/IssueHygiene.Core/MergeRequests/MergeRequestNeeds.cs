namespace IssueHygiene.Core.MergeRequests;

/// <summary>What the rules need beyond the MR itself; each flag is one more GitLab request, so it is asked for only when set.</summary>
[Flags]
public enum MergeRequestNeeds
{
    None = 0,

    /// <summary>The changed file paths (<c>GET /projects/:id/merge_requests/:iid/diffs</c>).</summary>
    ChangedPaths = 1,

    /// <summary>The author's access level in the group (<c>GET /groups/:id/members/all/:user_id</c>).</summary>
    AuthorAccess = 2,
}

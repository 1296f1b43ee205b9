namespace IssueHygiene.GitLab.Requests;

/// <summary>How to page through project issues (group issues are always offset-paginated).</summary>
public enum IssuePaginationMode
{
    /// <summary><c>page</c>/<c>per_page</c>, following <c>X-Next-Page</c> or <c>Link</c>; may fetch pages concurrently.</summary>
    Offset,

    /// <summary><c>pagination=keyset&amp;order_by=id&amp;sort=asc</c>, following <c>Link rel="next"</c>: stable and cheap for deep lists.</summary>
    Keyset,
}

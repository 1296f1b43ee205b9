namespace IssueHygiene.GitLab.Requests;

/// <summary>GitLab's <c>state</c> filter of the merge request lists.</summary>
public enum MergeRequestStateFilter
{
    Opened,
    Merged,
    Closed,
    All,
}

namespace IssueHygiene.Core.MergeRequests;

/// <summary>GitLab's merge request states (<c>locked</c> is a short-lived state while merging).</summary>
public enum MergeRequestState
{
    Opened,
    Closed,
    Merged,
    Locked,
}

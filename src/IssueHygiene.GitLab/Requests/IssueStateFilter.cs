namespace IssueHygiene.GitLab.Requests;

/// <summary>The <c>state</c> filter of issue lists.</summary>
public enum IssueStateFilter
{
    Opened,
    Closed,
    All,
}

namespace IssueHygiene.Core.Issues;

/// <summary>GitLab's issue state. Rules apply to <see cref="Opened"/> issues only.</summary>
public enum IssueState
{
    Opened,
    Closed,
}

namespace IssueHygiene.Processing;

/// <summary>What the Actuator writes to: an issue or a merge request (GitLab numbers each kind apart in a project).</summary>
public enum WorkItemKind
{
    Issue,
    MergeRequest,
}

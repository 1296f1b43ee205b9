namespace IssueHygiene.GitLab.Requests;

/// <summary>
/// A REST issue update (<c>PUT /projects/:id/issues/:iid</c>); null members are left unchanged.
/// Note: GitLab silently creates unknown labels named in <see cref="AddLabels"/>, so check they exist first.
/// </summary>
public sealed record IssueUpdate
{
    public IReadOnlyList<string>? AddLabels { get; init; }

    public IReadOnlyList<string>? RemoveLabels { get; init; }

    /// <summary>The milestone's global id; 0 removes the milestone.</summary>
    public long? MilestoneId { get; init; }

    /// <summary>The complete new assignee list; empty unassigns everyone.</summary>
    public IReadOnlyList<long>? AssigneeIds { get; init; }

    public bool? Confidential { get; init; }

    /// <summary>The new title (e.g. with a leaked credential redacted).</summary>
    public string? Title { get; init; }

    /// <summary>The new description (e.g. with a leaked credential redacted); GitLab keeps the old one in its history.</summary>
    public string? Description { get; init; }
}

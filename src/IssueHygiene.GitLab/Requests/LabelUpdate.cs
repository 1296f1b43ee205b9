namespace IssueHygiene.GitLab.Requests;

/// <summary>Changes to a label; null members are left unchanged.</summary>
public sealed record LabelUpdate
{
    public string? NewName { get; init; }

    public string? Color { get; init; }

    public string? Description { get; init; }

    public int? Priority { get; init; }
}

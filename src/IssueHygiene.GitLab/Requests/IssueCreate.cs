namespace IssueHygiene.GitLab.Requests;

/// <summary>A new issue (<c>POST /projects/:id/issues</c>). GitLab creates labels it does not know.</summary>
public sealed record IssueCreate
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];
}

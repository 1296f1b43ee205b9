namespace IssueHygiene.GitLab.Dtos;

/// <summary>The ways to refer to an issue; <see cref="Full"/> is <c>group/project#iid</c>.</summary>
public sealed record GitLabIssueReferences
{
    public string? Short { get; init; }

    public string? Relative { get; init; }

    public string? Full { get; init; }
}

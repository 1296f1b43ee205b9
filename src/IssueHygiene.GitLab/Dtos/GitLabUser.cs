namespace IssueHygiene.GitLab.Dtos;

/// <summary>A user as the REST API shows one (author, assignee, current user).</summary>
public sealed record GitLabUser
{
    public required long Id { get; init; }

    public required string Username { get; init; }

    public string? Name { get; init; }

    public string? State { get; init; }

    public string? WebUrl { get; init; }

    /// <summary>Only on <c>GET /user</c> for admins and some tokens.</summary>
    public bool? IsAdmin { get; init; }

    /// <summary>Only on <c>GET /user</c>: true for project/group access tokens' bot users.</summary>
    public bool? Bot { get; init; }
}

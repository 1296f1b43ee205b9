namespace IssueHygiene.GitLab.Dtos;

/// <summary>A member as <c>GET /projects/:id/members/all/:user_id</c> returns one (effective access).</summary>
public sealed record GitLabMember
{
    public required long Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    /// <summary>GitLab's numeric access level (10 guest … 50 owner); see <see cref="GitLabAccessLevel"/>.</summary>
    public int AccessLevel { get; init; }
}

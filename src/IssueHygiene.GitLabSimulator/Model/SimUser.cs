namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>A GitLab user. <see cref="Token"/> is the personal access token that authenticates as it.</summary>
internal sealed class SimUser
{
    public required long Id { get; init; }
    public required string Username { get; init; }
    public required string Name { get; init; }
    public string? Token { get; set; }
    public bool IsAdmin { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Email => Username + "@example.com";
}

namespace IssueHygiene.GitLab.Webhooks;

/// <summary>A user in a webhook payload; the documented examples omit <c>id</c> on assignees.</summary>
public sealed record WebhookUser
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string Username { get; init => field = value ?? string.Empty; } = string.Empty;

    public string? AvatarUrl { get; init; }

    public string? Email { get; init; }
}

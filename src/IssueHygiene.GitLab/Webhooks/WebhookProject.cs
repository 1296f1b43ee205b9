namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The project a webhook event happened in.</summary>
public sealed record WebhookProject
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? WebUrl { get; init; }

    public string? Namespace { get; init; }

    public string? PathWithNamespace { get; init; }
}

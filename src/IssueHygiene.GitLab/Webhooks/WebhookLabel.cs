namespace IssueHygiene.GitLab.Webhooks;

/// <summary>A label object in a webhook payload (hooks carry objects; REST carries names).</summary>
public sealed record WebhookLabel
{
    public long Id { get; init; }

    public required string Title { get; init; }

    public string? Color { get; init; }

    public long? ProjectId { get; init; }

    public long? GroupId { get; init; }

    /// <summary><c>ProjectLabel</c> or <c>GroupLabel</c>.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }
}

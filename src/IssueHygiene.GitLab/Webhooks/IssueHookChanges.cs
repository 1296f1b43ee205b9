namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The Issue Hook <c>changes</c> keys this service looks at (others are ignored).</summary>
public sealed record IssueHookChanges
{
    public WebhookChange<string>? Title { get; init; }

    public WebhookChange<string>? Description { get; init; }

    public WebhookChange<List<WebhookLabel>>? Labels { get; init; }

    public WebhookChange<List<WebhookUser>>? Assignees { get; init; }

    public WebhookChange<long?>? MilestoneId { get; init; }

    public WebhookChange<int?>? StateId { get; init; }

    public WebhookChange<bool?>? Confidential { get; init; }

    public WebhookChange<DateTimeOffset?>? UpdatedAt { get; init; }

    public WebhookChange<long?>? UpdatedById { get; init; }
}

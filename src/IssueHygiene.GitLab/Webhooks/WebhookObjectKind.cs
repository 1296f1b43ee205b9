namespace IssueHygiene.GitLab.Webhooks;

/// <summary>Just the discriminator of a webhook body, read before choosing the payload type.</summary>
public sealed record WebhookObjectKind
{
    public string? ObjectKind { get; init; }
}

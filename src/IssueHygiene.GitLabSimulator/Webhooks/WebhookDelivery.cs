namespace IssueHygiene.GitLabSimulator.Webhooks;

/// <summary>
/// One webhook request the simulator sent (or tried to): the headers GitLab sends and the outcome.
/// <see cref="StatusCode"/> is null when the receiver did not answer (timeout, refused).
/// </summary>
public sealed record WebhookDelivery(
    long HookId,
    string Url,
    string Event,
    string EventUuid,
    string IdempotencyKey,
    string WebhookUuid,
    string Body,
    int? StatusCode,
    string? Error);

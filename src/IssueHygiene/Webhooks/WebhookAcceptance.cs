namespace IssueHygiene.Webhooks;

/// <summary>What the endpoint did with a delivery: the status GitLab gets, and a word for logs and the response.</summary>
public sealed record WebhookAcceptance(int StatusCode, string Outcome, long? DeliveryId = null, string? Detail = null)
{
    public static WebhookAcceptance Unauthorized { get; } = new(StatusCodes.Status401Unauthorized, "unauthorized");

    public static WebhookAcceptance TooLarge { get; } = new(StatusCodes.Status413PayloadTooLarge, "too-large", Detail: "The body is larger than the webhook limit (8 MiB).");

    public static WebhookAcceptance Malformed(string detail) => new(StatusCodes.Status400BadRequest, "malformed", Detail: detail);

    public static WebhookAcceptance Ignored(string detail) => new(StatusCodes.Status200OK, "ignored", Detail: detail);

    public static WebhookAcceptance Queued(long id) => new(StatusCodes.Status202Accepted, "queued", id);

    public static WebhookAcceptance Duplicate(long id) => new(StatusCodes.Status200OK, "duplicate", id);
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using IssueHygiene.GitLab.Webhooks;
using IssueHygiene.Health;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Worker;
using Microsoft.AspNetCore.Http.Features;

namespace IssueHygiene.Webhooks;

/// <summary>
/// <c>POST /webhooks/gitlab</c>: authenticates, bounds and parses a delivery, and stores the issue and note events
/// durably (deduplicated on <c>Idempotency-Key</c>) before answering 2xx. Every other authenticated delivery gets 200
/// and is dropped: GitLab disables a hook after 4 failures and never resends, so only a bad token earns an error
/// that is not the sender's own fault (401), and a body that cannot be a GitLab event a 4xx.
/// </summary>
public sealed partial class WebhookReceiver(
    WebhookTokenCheck tokenCheck,
    WebhookScopeFilter scopes,
    IHygieneStore store,
    HygieneMetrics metrics,
    LintWorkerSignal signal,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private readonly LogRateLimit unauthorizedLog = new(time, TimeSpan.FromMinutes(1), 10);

    public const string Path = "/webhooks/gitlab";
    private const int MaxKeyLength = 256;
    private const long DrainLimitBytes = 32L * 1024 * 1024;

    public async Task<WebhookAcceptance> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = tokenCheck.Check(request.Headers["X-Gitlab-Token"].ToString());
        if (token is WebhookTokenResult.Missing or WebhookTokenResult.Mismatch)
        {
            metrics.DeliveryRejected("unauthorized");
            if (unauthorizedLog.ShouldLog(out var suppressed))
            {
                LogUnauthorized(logger, token, request.HttpContext.Connection.RemoteIpAddress?.ToString(), suppressed);
            }

            return WebhookAcceptance.Unauthorized;
        }

        metrics.DeliveryReceived();
        var eventName = request.Headers["X-Gitlab-Event"].ToString();
        var eventUuid = ValidEventUuid(request.Headers["X-Gitlab-Event-UUID"].ToString());
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["EventUuid"] = eventUuid, ["Event"] = eventName });
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            metrics.DeliveryRejected("too-large");
            LogRejected(logger, "too-large", "body over 8 MiB");
            return WebhookAcceptance.TooLarge;
        }

        try
        {
            return await AcceptAsync(request, eventName, eventUuid, body.Value, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Value.Array!);
        }
    }

    private async Task<WebhookAcceptance> AcceptAsync(HttpRequest request, string eventName, string? eventUuid, ArraySegment<byte> body, CancellationToken cancellationToken)
    {
        var parsed = WebhookPayloadCheck.Check(GitLabWebhookParser.Parse(eventName.Length == 0 ? null : eventName, body));
        var (projectId, iid, path) = parsed switch
        {
            WebhookEvent.Issue issue => (issue.Payload.Project.Id, issue.Payload.ObjectAttributes.Iid, issue.Payload.Project.PathWithNamespace),
            WebhookEvent.Note note => (note.Payload.Project.Id, note.Payload.Issue!.Iid, note.Payload.Project.PathWithNamespace),
            WebhookEvent.MergeRequest mr => (mr.Payload.Project.Id, MergeRequests.MergeRequestQueueKey.FromIid(mr.Payload.ObjectAttributes.Iid), mr.Payload.Project.PathWithNamespace),
            WebhookEvent.MergeRequestNote note => (note.Payload.Project.Id, MergeRequests.MergeRequestQueueKey.FromIid(note.Payload.MergeRequest!.Iid), note.Payload.Project.PathWithNamespace),
            _ => (0L, 0L, null),
        };
        switch (parsed)
        {
            case WebhookEvent.Malformed malformed:
                metrics.DeliveryRejected("malformed");
                LogRejected(logger, "malformed", malformed.Error);
                return WebhookAcceptance.Malformed(malformed.Error);
            case WebhookEvent.Ignored ignored:
                LogIgnored(logger, ignored.Reason);
                return WebhookAcceptance.Ignored(ignored.Reason);
            case WebhookEvent.Milestone:
                // Milestones shape what fixes may use: the worker reloads them.
                signal.CatalogChanged();
                return WebhookAcceptance.Ignored("milestone events only refresh the milestone cache");
        }

        // The payload's path only drops deliveries early; the worker decides by the id, through the API (ProjectScope).
        if (!scopes.Contains(projectId, path))
        {
            LogOutOfScope(logger, projectId, iid);
            return WebhookAcceptance.Ignored("project outside the configured scopes");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > MaxKeyLength)
        {
            metrics.DeliveryRejected("malformed");
            return WebhookAcceptance.Malformed("Idempotency-Key is longer than 256 characters.");
        }

        // GitLab sends Idempotency-Key since 17.x; older versions (and hand-made requests) fall back to the event id.
        // A key that is not the plain token GitLab sends is stored as its hash: a header is not a place to keep text.
        if (key.Length == 0)
        {
            key = eventUuid is not null ? "event:" + eventUuid : "body:" + Convert.ToHexStringLower(SHA256.HashData(body));
        }
        else if (!IsPlainKey(key))
        {
            key = "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        var outcome = await store.Deliveries.EnqueueAsync(
            new NewDelivery
            {
                IdempotencyKey = key,
                EventName = eventName.Length == 0 ? (parsed switch { WebhookEvent.Issue => "Issue Hook", WebhookEvent.MergeRequest => "Merge Request Hook", _ => "Note Hook" }) : eventName,
                EventUuid = eventUuid,
                ProjectId = projectId,
                IssueIid = iid,
                ReceivedAt = time.GetUtcNow(),
                Payload = DeliveryDigest.From(parsed).ToJson(),
            },
            cancellationToken);
        if (outcome.IsDuplicate)
        {
            metrics.DeliveryDeduplicated();
            LogDuplicate(logger, outcome.DeliveryId, projectId, iid);
            return WebhookAcceptance.Duplicate(outcome.DeliveryId);
        }

        signal.DeliveryQueued();
        LogQueued(logger, outcome.DeliveryId, projectId, iid);
        return WebhookAcceptance.Queued(outcome.DeliveryId);
    }

    /// <summary>The body, or null when it is larger than the limit (reading stops there).</summary>
    private static async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // This endpoint enforces its own limit: lift Kestrel's so a too-large body can be read to its end (up to
        // GitLab's own 25 MB cap) and answered with a clean 413, instead of a connection reset mid-upload.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DrainLimitBytes;
        }

        if (request.ContentLength > WebhookOptionsResolver.MaxBodyBytes)
        {
            await DrainAsync(request, cancellationToken);
            return null;
        }

        var initial = (int)Math.Min(request.ContentLength ?? 16 * 1024, WebhookOptionsResolver.MaxBodyBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > WebhookOptionsResolver.MaxBodyBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, WebhookOptionsResolver.MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > WebhookOptionsResolver.MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    await DrainAsync(request, cancellationToken);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new ArraySegment<byte>(buffer, 0, length);
    }

    /// <summary>Reads and discards the rest of a too-large body (Kestrel stops it at <see cref="DrainLimitBytes"/>).</summary>
    private static async Task DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > DrainLimitBytes)
        {
            return;
        }

        var discard = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await request.Body.ReadAsync(discard, cancellationToken) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Over the drain limit: Kestrel closes the connection after the 413.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(discard);
        }
    }

    private static bool IsPlainKey(string key) =>
        key.Length <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.');

    /// <summary>The event UUID when it is safe to echo in a header (GitLab's are UUIDs); otherwise none.</summary>
    private static string? ValidEventUuid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? value : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: token {Result} (from {RemoteAddress}); {Suppressed} more refusals not logged in the last minute")]
    private static partial void LogUnauthorized(ILogger logger, WebhookTokenResult result, string? remoteAddress, long suppressed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook rejected ({Reason}): {Detail}")]
    private static partial void LogRejected(ILogger logger, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook ignored: project {ProjectId} (issue {Iid}) is outside the configured scopes")]
    private static partial void LogOutOfScope(ILogger logger, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} queued for project {ProjectId} issue {Iid}")]
    private static partial void LogQueued(ILogger logger, long deliveryId, long projectId, long iid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery {DeliveryId} for project {ProjectId} issue {Iid} ignored")]
    private static partial void LogDuplicate(ILogger logger, long deliveryId, long projectId, long iid);
}

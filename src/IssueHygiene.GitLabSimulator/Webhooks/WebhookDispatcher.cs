using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.GitLabSimulator.Webhooks;

/// <summary>
/// Sends hooks in the background, in order, one at a time, like a GitLab Sidekiq queue: the API
/// call that caused an event never waits for its delivery. A delivery gets one attempt and a
/// timeout (GitLab does not retry). Also GitLab's recursion guard: a request that echoes the
/// <c>X-Gitlab-Event-UUID</c> of an event we fired causes no further hooks.
/// </summary>
internal sealed partial class WebhookDispatcher : IAsyncDisposable
{
    public const string UserAgent = "GitLab/18.6.0";

    private readonly Channel<PendingDelivery> _queue = Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _firedEventUuids = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;
    private int _pending;
    private int _suppressed;

    public WebhookDispatcher(TimeSpan timeout, ILogger logger)
    {
        _timeout = timeout;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _worker = Task.Run(() => RunAsync(_stopping.Token));
    }

    public string InstanceUrl { get; set; } = "http://127.0.0.1";

    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _deliveries];

    /// <summary>Events the recursion guard swallowed.</summary>
    public int Suppressed => Volatile.Read(ref _suppressed);

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues the hooks <paramref name="events"/> fire. Caller holds the store lock, so hook
    /// selection sees the same state the event describes.
    /// </summary>
    public void Publish(SimulatorStore store, IReadOnlyList<WebhookEvent> events, string? incomingEventUuid)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (incomingEventUuid is not null && _firedEventUuids.ContainsKey(incomingEventUuid))
        {
            Interlocked.Add(ref _suppressed, events.Count);
            return;
        }

        foreach (var e in events)
        {
            var hooks = store.Hooks.Where(h => Covers(store, h, e.Project) && Wants(h, e)).ToList();
            if (hooks.Count == 0)
            {
                continue;
            }

            var eventUuid = Guid.NewGuid().ToString();
            _firedEventUuids.TryAdd(eventUuid, 0);
            var body = e.Payload.ToJsonString();
            var name = (e.Kind, e.Confidential) switch
            {
                (WebhookEventKind.Issue, false) => "Issue Hook",
                (WebhookEventKind.Issue, true) => "Confidential Issue Hook",
                (WebhookEventKind.Note, false) => "Note Hook",
                _ => "Confidential Note Hook",
            };
            foreach (var hook in hooks)
            {
                Interlocked.Increment(ref _pending);
                _queue.Writer.TryWrite(new PendingDelivery(hook, name, eventUuid, Guid.NewGuid().ToString(), body));
            }
        }
    }

    /// <summary>Completes when every queued delivery has been attempted.</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    private static bool Covers(SimulatorStore store, SimHook hook, SimProject project) =>
        hook.ProjectId == project.Id
        || (hook.GroupId is { } groupId && store.IsDescendantOrSelf(project.Namespace, store.Groups[groupId]));

    private static bool Wants(SimHook hook, WebhookEvent e) => (e.Kind, e.Confidential) switch
    {
        (WebhookEventKind.Issue, false) => hook.IssuesEvents,
        (WebhookEventKind.Issue, true) => hook.ConfidentialIssuesEvents,
        (WebhookEventKind.Note, false) => hook.NoteEvents,
        _ => hook.ConfidentialNoteEvents,
    };

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var pending in _queue.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    var delivery = await DeliverAsync(pending, stopping);
                    pending.Hook.RecordDelivery(delivery.StatusCode is >= 200 and < 300);
                    _deliveries.Enqueue(delivery);
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: undelivered hooks are dropped, as when a GitLab node stops.
        }
    }

    private async Task<WebhookDelivery> DeliverAsync(PendingDelivery pending, CancellationToken stopping)
    {
        var hook = pending.Hook;
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(pending.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("X-Gitlab-Event", pending.Event);
        request.Headers.Add("X-Gitlab-Webhook-UUID", pending.WebhookUuid);
        request.Headers.Add("X-Gitlab-Instance", InstanceUrl);
        request.Headers.Add("X-Gitlab-Event-UUID", pending.EventUuid);
        // Stable per event and hook: a resend of this delivery would carry the same key.
        var idempotencyKey = IdempotencyKey(pending.EventUuid, hook.Id);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (hook.Token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", hook.Token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_timeout);
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }

        if (status is null or >= 400)
        {
            LogDeliveryFailed(_logger, hook.Id, pending.Event, status, error);
        }

        return new WebhookDelivery(hook.Id, hook.Url.ToString(), pending.Event, pending.EventUuid, idempotencyKey, pending.WebhookUuid, pending.Body, status, error);
    }

    private static string IdempotencyKey(string eventUuid, long hookId)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{eventUuid}:{hookId}"));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {HookId} delivery of {Event} failed: status {Status}, {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, long hookId, string @event, int? status, string? error);

    private sealed record PendingDelivery(SimHook Hook, string Event, string EventUuid, string WebhookUuid, string Body);
}

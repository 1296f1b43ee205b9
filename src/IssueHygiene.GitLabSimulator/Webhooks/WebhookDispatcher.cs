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
/// <c>X-Gitlab-Event-UUID</c> of an event we fired continues that event's chain: hooks already
/// triggered in the chain are not triggered again, any other hook fires with the same UUID.
/// </summary>
internal sealed partial class WebhookDispatcher : IAsyncDisposable
{
    public const string UserAgent = "GitLab/18.6.0";

    private readonly Channel<PendingDelivery> _queue = Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true });
    // Event UUID → the hooks its chain has triggered (guarded by the store lock, like Publish).
    private readonly Dictionary<string, HashSet<long>> _chains = new(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>Deliveries the recursion guard blocked (one per event and hook).</summary>
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

        var chain = incomingEventUuid is not null ? _chains.GetValueOrDefault(incomingEventUuid) : null;
        var blocked = chain is null ? [] : new HashSet<long>(chain);
        foreach (var e in events)
        {
            var selected = store.Hooks.Where(h => Covers(store, h, e.Project) && Wants(h, e)).ToList();
            var hooks = selected.Where(h => !blocked.Contains(h.Id)).ToList();
            Interlocked.Add(ref _suppressed, selected.Count - hooks.Count);
            if (hooks.Count == 0)
            {
                continue;
            }

            var eventUuid = chain is not null ? incomingEventUuid! : Guid.NewGuid().ToString();
            if (!_chains.TryGetValue(eventUuid, out var triggered))
            {
                triggered = [];
                _chains.Add(eventUuid, triggered);
            }

            triggered.UnionWith(hooks.Select(h => h.Id));
            var eventId = Guid.NewGuid();
            var body = e.Payload.ToJsonString();
            var name = (e.Kind, e.Confidential) switch
            {
                (WebhookEventKind.Issue, false) => "Issue Hook",
                (WebhookEventKind.Issue, true) => "Confidential Issue Hook",
                (WebhookEventKind.Note, false) => "Note Hook",
                (WebhookEventKind.MergeRequest, _) => "Merge Request Hook",
                _ => "Confidential Note Hook",
            };
            foreach (var hook in hooks)
            {
                Interlocked.Increment(ref _pending);
                _queue.Writer.TryWrite(new PendingDelivery(hook, name, eventUuid, IdempotencyKey(eventId, hook.Id), Guid.NewGuid().ToString(), body));
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
        (WebhookEventKind.MergeRequest, _) => hook.MergeRequestsEvents,
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
        request.Headers.Add("Idempotency-Key", pending.IdempotencyKey);
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

        return new WebhookDelivery(hook.Id, hook.Url.ToString(), pending.Event, pending.EventUuid, pending.IdempotencyKey, pending.WebhookUuid, pending.Body, status, error);
    }

    /// <summary>Stable per event and hook: a resend of this delivery would carry the same key.</summary>
    private static string IdempotencyKey(Guid eventId, long hookId)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}:{hookId}"));
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

    private sealed record PendingDelivery(SimHook Hook, string Event, string EventUuid, string IdempotencyKey, string WebhookUuid, string Body);
}

using System.Threading.Channels;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Storage.Sql;

/// <summary>
/// Group commit for webhook enqueues: one writer takes every enqueue waiting at that moment (up to
/// <see cref="MaxBatch"/>) and inserts them in one write transaction, so a burst of deliveries costs one
/// durable commit (one fsync) instead of one each. Every caller still returns only after the commit
/// that holds its delivery, so an acknowledgement is never sent for a delivery that is not durable.
/// Nothing waits for a batch to fill: a lone delivery is committed at once, and batches form only
/// while a commit is in flight.
/// </summary>
internal sealed class DeliveryGroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction's size (and how long it holds SQLite's single write lock).</summary>
    internal const int MaxBatch = 256;

    private readonly SqlBackend _backend;
    private readonly Channel<PendingEnqueue> _pending = Channel.CreateUnbounded<PendingEnqueue>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    public DeliveryGroupCommit(SqlBackend backend) => _backend = backend;

    public async Task<EnqueueOutcome> EnqueueAsync(NewDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingEnqueue(delivery, now, new TaskCompletionSource<EnqueueOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureWriter();
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DeliveryGroupCommit), "the store is being disposed");
        }

        // A caller that gives up is told so, but its delivery may still commit: its idempotency key
        // then deduplicates GitLab's resend.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        Task? writer;
        lock (_startLock)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer;
        }
    }

    private void EnsureWriter()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingEnqueue>(MaxBatch);
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingEnqueue> batch)
    {
        try
        {
            var outcomes = await _backend.WriteAsync(async (connection, transaction, ct) =>
            {
                // The backend may run this again after a rollback (PostgreSQL deadlock): start from nothing.
                return await SqlDeliveryQueue.InsertAllAsync(_backend, connection, transaction, [.. batch.Select(p => (p.Delivery, p.Now))], ct);
            }, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One delivery the store refuses must not fail the others that shared its transaction:
            // commit each on its own, so only the refused one reports the error.
            foreach (var single in batch)
            {
                await CommitAsync([single]);
            }
        }
        catch (Exception e)
        {
            batch[0].Completion.TrySetException(e);
        }
    }

    private sealed record PendingEnqueue(NewDelivery Delivery, DateTimeOffset Now, TaskCompletionSource<EnqueueOutcome> Completion);
}

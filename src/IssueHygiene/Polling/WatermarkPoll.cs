using IssueHygiene.Storage;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Worker;

namespace IssueHygiene.Polling;

/// <summary>
/// One scope's poll of one item kind (issues or merge requests), the same for both: list the items updated since the
/// stored watermark (minus the overlap; a first poll starts now — replaying the tracker is the nightly sweep's job),
/// queue one delivery per item version not seen before (and, with a comment reader, the comments addressed to the
/// bot), and move the watermark to the newest <c>updated_at</c> listed — only after the whole list was read, so a
/// failed page is retried from the same point next time.
/// </summary>
/// <typeparam name="T">The listed item (GitLab's issue or merge request).</typeparam>
internal sealed class WatermarkPoll<T>(IHygieneStore store, PollSchedule schedule, TimeProvider time, LintWorkerSignal? signal)
{
    /// <summary>Lists the items updated since the given time.</summary>
    public required Func<DateTimeOffset, IAsyncEnumerable<T>> List { get; init; }

    /// <summary>The item's <c>updated_at</c> (GitLab always sends it; an item without it is not queued).</summary>
    public required Func<T, DateTimeOffset?> UpdatedAt { get; init; }

    /// <summary>The delivery that names this version of the item.</summary>
    public required Func<T, DateTimeOffset, DateTimeOffset, NewDelivery> Delivery { get; init; }

    /// <summary>Queues the item's comments to the bot since the given time; null: comments come by webhook.</summary>
    public Func<T, DateTimeOffset, CancellationToken, Task<int>>? QueueComments { get; init; }

    /// <summary>Told of an item listed without <c>updated_at</c>.</summary>
    public Action<T>? NoUpdatedAt { get; init; }

    /// <summary>Told of each delivery queued (its id, the item, the version).</summary>
    public Action<long, T, DateTimeOffset>? Queued { get; init; }

    public async Task<WatermarkPollResult> RunAsync(string watermarkKey, CancellationToken cancellationToken)
    {
        var stored = await store.Watermarks.GetAsync(watermarkKey, cancellationToken);
        var updatedAfter = (stored ?? time.GetUtcNow()) - schedule.Overlap;
        var watermark = stored ?? updatedAfter;
        var listed = 0;
        var queued = 0;
        await foreach (var item in List(updatedAfter).WithCancellation(cancellationToken))
        {
            listed++;
            if (UpdatedAt(item) is not { } updatedAt)
            {
                NoUpdatedAt?.Invoke(item);
                continue;
            }

            watermark = updatedAt > watermark ? updatedAt : watermark;

            // A version newer than anything seen cannot be known yet: read its comments before queueing it, so a failed
            // notes request leaves the version unqueued and the next poll reads both again. Older versions (the overlap
            // window) are usually known: their comments are read only when the version turns out to be new.
            var newer = stored is null || updatedAt > stored;
            if (QueueComments is not null && newer)
            {
                queued += await QueueComments(item, updatedAfter, cancellationToken);
            }

            var outcome = await store.Deliveries.EnqueueAsync(Delivery(item, updatedAt, time.GetUtcNow()), cancellationToken);
            if (!outcome.IsDuplicate)
            {
                if (QueueComments is not null && !newer)
                {
                    queued += await QueueComments(item, updatedAfter, cancellationToken);
                }

                queued++;
                signal?.DeliveryQueued();
                Queued?.Invoke(outcome.DeliveryId, item, updatedAt);
            }
        }

        await store.Watermarks.AdvanceAsync(watermarkKey, watermark, cancellationToken);
        return new WatermarkPollResult(updatedAfter, listed, queued, watermark);
    }
}

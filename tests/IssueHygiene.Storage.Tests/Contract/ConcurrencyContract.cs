using System.Collections.Concurrent;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

/// <summary>Several workers and connections at once: exactly-once processing and the per-issue claim.</summary>
public abstract class ConcurrencyContract : StoreTestBase
{
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ClaimAsync_EightWorkersOnOwnConnections_TenThousandDeliveriesEachProcessedExactlyOnce()
    {
        // Relaxed durability only to fill the queue fast: exactly-once is about locking, not fsync.
        var producer = await OpenAsync(StorageDurability.Relaxed);
        var expected = await FillAsync(producer, 10_000, issues: 1_000);
        var workers = new List<IHygieneStore>();
        for (var i = 0; i < 8; i++)
        {
            workers.Add(await OpenAsync(StorageDurability.Relaxed));
        }

        var result = await ProcessAllAsync(workers, expected.Count);

        AssertExactlyOnce(expected, result);
        Assert.Equal(0, (await Store.Deliveries.GetCountsAsync()).Depth);
    }

    [Fact]
    public async Task ClaimAsync_SixteenThreadsSharingOneStore_EachDeliveryProcessedExactlyOnce()
    {
        var shared = await OpenAsync(StorageDurability.Relaxed);
        var expected = await FillAsync(shared, 2_000, issues: 300);

        var result = await ProcessAllAsync(Enumerable.Repeat(shared, 16).ToList(), expected.Count);

        AssertExactlyOnce(expected, result);
    }

    [Fact]
    public async Task EnqueueAsync_SameKeyFromTwoConnectionsConcurrently_StoresOneRow()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();

        for (var i = 0; i < 40; i++)
        {
            var key = $"race-{i}";
            using var start = new ManualResetEventSlim();
            var a = Task.Run(() => { start.Wait(); return first.Deliveries.EnqueueAsync(TestDeliveries.For(1, i, key)); });
            var b = Task.Run(() => { start.Wait(); return second.Deliveries.EnqueueAsync(TestDeliveries.For(1, i, key)); });
            start.Set();
            var outcomes = await Task.WhenAll(a, b);

            Assert.Single(outcomes, o => o.Result == EnqueueResult.Enqueued);
            Assert.Single(outcomes, o => o.Result == EnqueueResult.Duplicate);
            Assert.Equal(outcomes[0].DeliveryId, outcomes[1].DeliveryId);
        }

        Assert.Equal(40, (await Store.Deliveries.GetCountsAsync()).Pending);
    }

    [Fact]
    public async Task EnqueueAsync_BurstOfConcurrentEnqueuesWithRepeatedKeys_OneRowPerKeyAndEachCallerTold()
    {
        // A burst is group-committed: repeats of a key can land in the same transaction as the first.
        var store = await OpenAsync();
        var keys = Enumerable.Range(0, 300).Select(i => $"burst-{i}").ToList();
        var planned = keys.Concat(keys).Select((key, n) => (Key: key, Delivery: TestDeliveries.For(1, (n % 300) + 1, key))).ToList();

        var outcomes = await Task.WhenAll(planned.Select(p => Task.Run(() => store.Deliveries.EnqueueAsync(p.Delivery))));

        var byKey = planned.Zip(outcomes).GroupBy(p => p.First.Key, p => p.Second).ToList();
        Assert.All(byKey, g =>
        {
            Assert.Single(g, o => o.Result == EnqueueResult.Enqueued);
            Assert.Single(g, o => o.Result == EnqueueResult.Duplicate);
            Assert.Single(g.Select(o => o.DeliveryId).Distinct());
        });
        Assert.Equal(300, byKey.Select(g => g.First().DeliveryId).Distinct().Count());
        Assert.Equal(300, (await Store.Deliveries.GetCountsAsync()).Pending);
    }

    private static async Task<Dictionary<long, string>> FillAsync(IHygieneStore store, int count, int issues)
    {
        var random = new Random(20260302);
        var planned = Enumerable.Range(0, count)
            .Select(i => i % 50 == 0 ? TestDeliveries.For(3, null) : TestDeliveries.For(1 + (i % 3), random.Next(1, (issues / 3) + 1)))
            .ToList();
        var expected = new ConcurrentDictionary<long, string>();
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (delivery, ct) =>
        {
            var outcome = await store.Deliveries.EnqueueAsync(delivery, ct);
            Assert.Equal(EnqueueResult.Enqueued, outcome.Result);
            expected[outcome.DeliveryId] = delivery.IssueIid is { } iid ? $"{delivery.ProjectId}#{iid}" : $"none:{outcome.DeliveryId}";
        });
        return new Dictionary<long, string>(expected);
    }

    private sealed record ProcessResult(ConcurrentDictionary<long, int> Processed, ConcurrentBag<string> Violations, int Batches);

    private static async Task<ProcessResult> ProcessAllAsync(IReadOnlyList<IHygieneStore> workers, int total)
    {
        var processed = new ConcurrentDictionary<long, int>();
        var violations = new ConcurrentBag<string>();
        var inFlight = new ConcurrentDictionary<string, string>();
        var batches = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(45));

        await Task.WhenAll(workers.Select((store, index) => Task.Run(async () =>
        {
            var worker = $"worker-{index}";
            while (!deadline.IsCancellationRequested && processed.Count < total)
            {
                var batch = await store.Deliveries.ClaimAsync(worker, Visibility, deadline.Token);
                if (batch is null)
                {
                    await Task.Delay(5, deadline.Token);
                    continue;
                }

                Interlocked.Increment(ref batches);
                var issue = batch.IssueIid is { } iid ? $"{batch.ProjectId}#{iid}" : $"none:{batch.Deliveries[0].Id}";
                if (!inFlight.TryAdd(issue, worker))
                {
                    violations.Add($"{worker} claimed {issue} while {inFlight.GetValueOrDefault(issue)} held it");
                }

                foreach (var delivery in batch.Deliveries)
                {
                    processed.AddOrUpdate(delivery.Id, 1, (_, n) => n + 1);
                }

                inFlight.TryRemove(issue, out _);
                if (await store.Deliveries.CompleteAsync(batch.ClaimToken, deadline.Token) != ClaimOutcome.Applied)
                {
                    violations.Add($"{worker} lost its claim on {issue}");
                }
            }
        })));

        return new ProcessResult(processed, violations, batches);
    }

    private static void AssertExactlyOnce(Dictionary<long, string> expected, ProcessResult result)
    {
        Assert.Empty(result.Violations);
        Assert.Equal(expected.Keys.Order(), result.Processed.Keys.Order());
        Assert.All(result.Processed, pair => Assert.Equal(1, pair.Value));
        // Coalescing: a burst of one issue is served by one batch, so far fewer batches than deliveries.
        Assert.True(result.Batches < expected.Count, $"{result.Batches} batches for {expected.Count} deliveries");
    }
}

using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

/// <summary>The durable queue's behaviour; run against both backends by the subclasses.</summary>
public abstract class DeliveryQueueContract : StoreTestBase
{
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);
    private static readonly RetryPolicy Retry = new(3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

    private IDeliveryQueue Queue => Store.Deliveries;

    [Fact]
    public async Task EnqueueAsync_NewKey_StoresDeliveryWithAllFieldsAndLargePayload()
    {
        var payload = "{\"description\":\"" + new string('x', 3 * 1024 * 1024) + "\"}";
        var delivery = TestDeliveries.For(7, 42, "key-1", Start.AddSeconds(-3), payload) with { EventName = "Note Hook", EventUuid = "uuid-1" };

        var outcome = await Queue.EnqueueAsync(delivery);

        Assert.Equal(EnqueueResult.Enqueued, outcome.Result);
        var stored = await Queue.GetAsync(outcome.DeliveryId);
        Assert.NotNull(stored);
        Assert.Equal(("key-1", "Note Hook", "uuid-1", 7L, 42L), (stored.IdempotencyKey, stored.EventName, stored.EventUuid, stored.ProjectId!.Value, stored.IssueIid!.Value));
        Assert.Equal(Start.AddSeconds(-3), stored.ReceivedAt);
        Assert.Equal(payload, stored.Payload);
        Assert.Equal(DeliveryStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task EnqueueAsync_SameKeyTwice_SecondIsDuplicateOfFirstAndNotQueued()
    {
        var first = await Queue.EnqueueAsync(TestDeliveries.For(1, 1, "same"));
        var second = await Queue.EnqueueAsync(TestDeliveries.For(1, 2, "same"));

        Assert.Equal(EnqueueOutcome.Enqueued(first.DeliveryId), first);
        Assert.Equal(EnqueueOutcome.Duplicate(first.DeliveryId), second);
        Assert.Equal(1, (await Queue.GetCountsAsync()).Depth);
    }

    [Fact]
    public async Task EnqueueAsync_KeyOfCompletedDelivery_IsStillDuplicate()
    {
        var first = await Queue.EnqueueAsync(TestDeliveries.For(1, 1, "done-key"));
        var batch = await Queue.ClaimAsync("w1", Visibility);
        await Queue.CompleteAsync(batch!.ClaimToken);

        var again = await Queue.EnqueueAsync(TestDeliveries.For(1, 1, "done-key"));

        Assert.Equal(EnqueueOutcome.Duplicate(first.DeliveryId), again);
        Assert.Null(await Queue.ClaimAsync("w1", Visibility));
    }

    [Fact]
    public async Task ClaimAsync_EmptyQueue_ReturnsNull()
    {
        Assert.Null(await Queue.ClaimAsync("w1", Visibility));
    }

    [Fact]
    public async Task ClaimAsync_BurstForOneIssue_ReturnsAllItsDeliveriesTogetherOldestFirst()
    {
        var a1 = await Queue.EnqueueAsync(TestDeliveries.For(1, 10));
        var b1 = await Queue.EnqueueAsync(TestDeliveries.For(1, 20));
        var a2 = await Queue.EnqueueAsync(TestDeliveries.For(1, 10));
        var a3 = await Queue.EnqueueAsync(TestDeliveries.For(1, 10));

        var first = await Queue.ClaimAsync("w1", Visibility);
        var second = await Queue.ClaimAsync("w2", Visibility);

        Assert.NotNull(first);
        Assert.Equal((1L, 10L), (first.ProjectId!.Value, first.IssueIid!.Value));
        Assert.Equal([a1.DeliveryId, a2.DeliveryId, a3.DeliveryId], first.Deliveries.Select(d => d.Id));
        Assert.All(first.Deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(Start + Visibility, first.ExpiresAt);
        Assert.NotNull(second);
        Assert.Equal([b1.DeliveryId], second.Deliveries.Select(d => d.Id));
        Assert.Null(await Queue.ClaimAsync("w3", Visibility));
    }

    [Fact]
    public async Task ClaimAsync_ManyDeliveriesForOneIssue_AtMostAHundredPerClaimOldestFirst()
    {
        // Issue 16 hole 8: one claim loaded every pending delivery of an issue.
        var ids = new List<long>();
        for (var i = 0; i < 130; i++)
        {
            ids.Add((await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId);
        }

        var first = await Queue.ClaimAsync("w1", Visibility);
        Assert.Equal(ids.Take(100), first!.Deliveries.Select(d => d.Id));
        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(first.ClaimToken));

        var second = await Queue.ClaimAsync("w1", Visibility);
        Assert.Equal(ids.Skip(100), second!.Deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task ClaimAsync_IssueWithLiveClaim_IsNotClaimableEvenWhenNewDeliveriesArrive()
    {
        await Queue.EnqueueAsync(TestDeliveries.For(1, 10));
        var held = await Queue.ClaimAsync("w1", Visibility);
        var late = await Queue.EnqueueAsync(TestDeliveries.For(1, 10));

        Assert.Null(await Queue.ClaimAsync("w2", Visibility));

        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(held!.ClaimToken));
        var next = await Queue.ClaimAsync("w2", Visibility);
        Assert.Equal([late.DeliveryId], next!.Deliveries.Select(d => d.Id));
    }

    [Fact]
    public async Task ClaimAsync_DeliveriesAboutNoIssue_AreClaimedOneAtATime()
    {
        var first = await Queue.EnqueueAsync(TestDeliveries.For(1, null));
        var second = await Queue.EnqueueAsync(TestDeliveries.For(1, null));

        var a = await Queue.ClaimAsync("w1", Visibility);
        var b = await Queue.ClaimAsync("w2", Visibility);

        Assert.Equal([first.DeliveryId], a!.Deliveries.Select(d => d.Id));
        Assert.Equal([second.DeliveryId], b!.Deliveries.Select(d => d.Id));
        Assert.Null(b.IssueIid);
    }

    [Fact]
    public async Task ClaimAsync_ClaimerNeverFinishes_ClaimableByAnotherAfterVisibilityTimeoutAndOldTokenIsLost()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;
        var crashed = await Queue.ClaimAsync("crashed-worker", Visibility);

        Time.Advance(Visibility - TimeSpan.FromSeconds(1));
        Assert.Null(await Queue.ClaimAsync("w2", Visibility));

        Time.Advance(TimeSpan.FromSeconds(1));
        var taken = await Queue.ClaimAsync("w2", Visibility);

        Assert.Equal([id], taken!.Deliveries.Select(d => d.Id));
        Assert.Equal(2, taken.Deliveries[0].Attempts);
        Assert.Equal(ClaimOutcome.ClaimLost, await Queue.CompleteAsync(crashed!.ClaimToken));
        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(taken.ClaimToken));
        Assert.Equal(DeliveryStatus.Done, (await Queue.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task CompleteAsync_ExpiredClaimNobodyTookOver_StillCompletes()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;
        var batch = await Queue.ClaimAsync("slow", Visibility);
        Time.Advance(Visibility * 2);

        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(batch!.ClaimToken));
        Assert.Equal(DeliveryStatus.Done, (await Queue.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task CompleteAsync_Twice_SecondReportsClaimLost()
    {
        await Queue.EnqueueAsync(TestDeliveries.For(1, 10));
        var batch = await Queue.ClaimAsync("w1", Visibility);

        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(batch!.ClaimToken));
        Assert.Equal(ClaimOutcome.ClaimLost, await Queue.CompleteAsync(batch.ClaimToken));
        Assert.Equal(ClaimOutcome.ClaimLost, await Queue.CompleteAsync("no-such-token"));
        Assert.Equal(new QueueCounts(0, 0, 0), await Queue.GetCountsAsync());
    }

    [Fact]
    public async Task FailAsync_BelowMaxAttempts_RetriesAfterExponentialBackoffWithLastError()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;

        var first = await Queue.FailAsync((await Queue.ClaimAsync("w1", Visibility))!.ClaimToken, "GitLab 502", Retry);
        Assert.Equal(new FailOutcome(ClaimOutcome.Applied, 1, 0, Start + TimeSpan.FromSeconds(10)), first);
        var stored = await Queue.GetAsync(id);
        Assert.Equal((DeliveryStatus.Pending, 1, "GitLab 502"), (stored!.Status, stored.Attempts, stored.LastError));

        Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await Queue.ClaimAsync("w1", Visibility));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = await Queue.FailAsync((await Queue.ClaimAsync("w1", Visibility))!.ClaimToken, "timeout", Retry);

        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(20), second.NextAttemptAt);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(20), (await Queue.GetAsync(id))!.NextAttemptAt);
    }

    [Fact]
    public async Task FailAsync_AtMaxAttempts_DeadLettersAndCountsIt()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;
        FailOutcome? last = null;
        for (var attempt = 1; attempt <= Retry.MaxAttempts; attempt++)
        {
            var batch = await Queue.ClaimAsync("w1", Visibility);
            Assert.NotNull(batch);
            last = await Queue.FailAsync(batch.ClaimToken, $"boom {attempt}", Retry);
            Time.Advance(Retry.MaxDelay);
        }

        Assert.Equal(new FailOutcome(ClaimOutcome.Applied, 0, 1, null), last);
        Assert.Null(await Queue.ClaimAsync("w1", Visibility));
        Assert.Equal(new QueueCounts(0, 0, 1), await Queue.GetCountsAsync());
        var dead = Assert.Single(await Queue.ListDeadLettersAsync());
        Assert.Equal((id, DeliveryStatus.Dead, 3, "boom 3"), (dead.Id, dead.Status, dead.Attempts, dead.LastError!));
    }

    [Fact]
    public async Task FailAsync_UnknownToken_ReportsClaimLost()
    {
        Assert.Equal(FailOutcome.Lost, await Queue.FailAsync("nope", "x", Retry));
    }

    [Fact]
    public async Task RequeueDeadLetterAsync_DeadDelivery_IsClaimableAgainWithFreshAttempts()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;
        await Queue.FailAsync((await Queue.ClaimAsync("w1", Visibility))!.ClaimToken, "boom", Retry with { MaxAttempts = 1 });

        Assert.True(await Queue.RequeueDeadLetterAsync(id));
        Assert.False(await Queue.RequeueDeadLetterAsync(id));
        var batch = await Queue.ClaimAsync("w1", Visibility);
        Assert.Equal(1, Assert.Single(batch!.Deliveries).Attempts);
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedBatch_ClaimableAtOnceAndAttemptNotCounted()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;
        var batch = await Queue.ClaimAsync("stopping", Visibility);

        Assert.Equal(ClaimOutcome.Applied, await Queue.ReleaseAsync(batch!.ClaimToken));
        var again = await Queue.ClaimAsync("w2", Visibility);

        Assert.Equal(id, Assert.Single(again!.Deliveries).Id);
        Assert.Equal(1, again.Deliveries[0].Attempts);
        Assert.Equal(ClaimOutcome.ClaimLost, await Queue.ReleaseAsync(batch.ClaimToken));
    }

    [Fact]
    public async Task ExtendClaimAsync_LiveClaim_KeepsIssueClaimedPastFirstTimeout()
    {
        await Queue.EnqueueAsync(TestDeliveries.For(1, 10));
        var batch = await Queue.ClaimAsync("w1", Visibility);
        Time.Advance(Visibility - TimeSpan.FromSeconds(1));

        Assert.Equal(ClaimOutcome.Applied, await Queue.ExtendClaimAsync(batch!.ClaimToken, Visibility));
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await Queue.ClaimAsync("w2", Visibility));
        Assert.Equal(ClaimOutcome.Applied, await Queue.CompleteAsync(batch.ClaimToken));
    }

    [Fact]
    public async Task GetCountsAsync_MixedStates_CountsPendingClaimedAndDead()
    {
        await Queue.EnqueueAsync(TestDeliveries.For(1, 1));
        await Queue.EnqueueAsync(TestDeliveries.For(1, 2));
        await Queue.EnqueueAsync(TestDeliveries.For(1, 3));
        await Queue.EnqueueAsync(TestDeliveries.For(1, 4));
        await Queue.ClaimAsync("w1", Visibility);
        var dying = await Queue.ClaimAsync("w1", Visibility);
        await Queue.FailAsync(dying!.ClaimToken, "boom", Retry with { MaxAttempts = 1 });

        var counts = await Queue.GetCountsAsync();

        Assert.Equal(new QueueCounts(Pending: 2, Claimed: 1, Dead: 1), counts);
        Assert.Equal(3, counts.Depth);
    }

    [Fact]
    public async Task PurgeDoneAsync_OldDoneDeliveries_AreDeletedAndOthersKept()
    {
        var oldDone = await Queue.EnqueueAsync(TestDeliveries.For(1, 1, receivedAt: Start.AddDays(-10)));
        await Queue.CompleteAsync((await Queue.ClaimAsync("w1", Visibility))!.ClaimToken);
        var recentDone = await Queue.EnqueueAsync(TestDeliveries.For(1, 2, receivedAt: Start));
        await Queue.CompleteAsync((await Queue.ClaimAsync("w1", Visibility))!.ClaimToken);
        var oldPending = await Queue.EnqueueAsync(TestDeliveries.For(1, 3, receivedAt: Start.AddDays(-10)));

        var purged = await Queue.PurgeDoneAsync(Start.AddDays(-7));

        Assert.Equal(1, purged);
        Assert.Null(await Queue.GetAsync(oldDone.DeliveryId));
        Assert.Equal(DeliveryStatus.Done, (await Queue.GetAsync(recentDone.DeliveryId))!.Status);
        Assert.Equal(DeliveryStatus.Pending, (await Queue.GetAsync(oldPending.DeliveryId))!.Status);
    }

    [Fact]
    public async Task EnqueueAsync_StoreReopened_DeliveryIsStillThere()
    {
        var id = (await Queue.EnqueueAsync(TestDeliveries.For(3, 4, "survives"))).DeliveryId;
        await Store.DisposeAsync();

        var reopened = await OpenAsync();

        Assert.Equal("survives", (await reopened.Deliveries.GetAsync(id))!.IdempotencyKey);
        Assert.True((await reopened.Deliveries.EnqueueAsync(TestDeliveries.For(3, 4, "survives"))).IsDuplicate);
    }
}

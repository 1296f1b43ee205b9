using System.Collections.Concurrent;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Sweeps;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.ScaleOut;

/// <summary>
/// Three <c>serve</c> processes sharing one real PostgreSQL, fed round-robin (as a load balancer would) while the
/// nightly sweep runs. Sized for the test suite (a 2-core machine, under a minute together): 150–200 seeded issues
/// and 3 deliveries per issue; the issue's 2,000 deliveries over 500 issues run in the scale-out benchmark.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ScaleOutFleetTests
{
    [Fact]
    public async Task Fleet_ThreeReplicasRoundRobinDuringSweep_EachOffendingIssueOneNoteFixedOnce()
    {
        await using var fleet = await ScaleOutFleet.StartAsync(
            issues: 150, replicas: 3, simulatorLatency: TimeSpan.FromMilliseconds(2), sweepLeaseTtl: TimeSpan.FromSeconds(20));
        var acknowledged = await DeliverAsync(fleet, deliveriesPerIssue: 3, onDelivered: null);

        await fleet.WaitForQuiescenceAsync(TimeSpan.FromSeconds(90));
        await AssertAllDoneAsync(fleet, acknowledged);
        await fleet.AssertNothingDoubledAsync();
        await fleet.AssertConvergedAsync();
        // Three replicas found the sweep missed at start-up; the lease let one sweep, the others stood down.
        Assert.Equal(1, await fleet.SweepRunCountAsync());
    }

    [Fact]
    public async Task Fleet_SweepingReplicaAndAnotherKilled_SweepResumedElsewhereNothingLostOrDoubled()
    {
        await using var fleet = await ScaleOutFleet.StartAsync(issues: 200, replicas: 3, simulatorLatency: TimeSpan.FromMilliseconds(15));

        // Kill the replica holding the sweep lease while its run is unfinished.
        var (sweeper, runId) = await SweepInProgressAsync(fleet, TimeSpan.FromSeconds(20));
        sweeper.Kill();

        var killedMidway = 0;
        var acknowledged = await DeliverAsync(fleet, deliveriesPerIssue: 3, onDelivered: sent =>
        {
            if (sent == 300 && Interlocked.Exchange(ref killedMidway, 1) == 0)
            {
                fleet.Replicas.First(r => !r.HasExited).Kill();
            }
        });

        Assert.Equal(1, fleet.Replicas.Count(r => !r.HasExited));
        await fleet.WaitForQuiescenceAsync(TimeSpan.FromSeconds(45));
        var run = await fleet.Store.Sweeps.GetAsync(runId);
        Assert.Equal(SweepStatus.Succeeded, run!.Status);
        Assert.Equal(1, await fleet.SweepRunCountAsync());
        await AssertAllDoneAsync(fleet, acknowledged);
        await fleet.AssertNothingDoubledAsync();
        await fleet.AssertConvergedAsync();
    }

    private static async Task<(ServeProcess Sweeper, string RunId)> SweepInProgressAsync(ScaleOutFleet fleet, TimeSpan timeout)
    {
        (ServeProcess Sweeper, string RunId)? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            if (await fleet.SweepingReplicaAsync() is { } sweeper
                && await fleet.Store.Sweeps.GetResumableAsync(fleet.ScopeKey) is { Status: SweepStatus.Running } run)
            {
                found = (sweeper, run.Id);
                return true;
            }

            // Caught running, never after it finished: a sweep that completed before the test looked proves nothing.
            Assert.Null(await fleet.Store.Sweeps.GetLastSuccessfulStartAsync(fleet.ScopeKey));
            return false;
        }, timeout);

        return found ?? throw new TimeoutException("no replica started the sweep");
    }

    private static async Task<IReadOnlyCollection<long>> DeliverAsync(ScaleOutFleet fleet, int deliveriesPerIssue, Action<int>? onDelivered)
    {
        var issues = fleet.Simulator.State.Issues();
        var projects = fleet.Simulator.Handbook!.Projects.ToDictionary(p => p.Id, p => p.PathWithNamespace);
        var acknowledged = new ConcurrentBag<long>();
        var sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, issues.Count * deliveriesPerIssue), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (n, ct) =>
        {
            var issue = issues[n % issues.Count];
            acknowledged.Add(await fleet.DeliverAsync(IssueHookBody.Updated(issue.ProjectId, projects[issue.ProjectId], issue.Id, issue.Iid, $"edit {n}", issue.State), ct));
            onDelivered?.Invoke(Interlocked.Increment(ref sent));
        });
        return acknowledged;
    }

    private static async Task AssertAllDoneAsync(ScaleOutFleet fleet, IReadOnlyCollection<long> acknowledged)
    {
        Assert.NotEmpty(acknowledged);
        foreach (var id in acknowledged.Distinct())
        {
            Assert.Equal(DeliveryStatus.Done, (await fleet.Store.Deliveries.GetAsync(id))!.Status);
        }
    }
}

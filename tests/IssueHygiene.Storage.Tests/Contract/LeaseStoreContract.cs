using IssueHygiene.Storage.Leases;
using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

public abstract class LeaseStoreContract : StoreTestBase
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private ILeaseStore Leases => Store.Leases;

    [Fact]
    public async Task TryAcquireAsync_LiveLeaseOfAnother_RefusedAndShowsHolder()
    {
        var mine = await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);
        var theirs = await Leases.TryAcquireAsync("nightly-sweep", "replica-b", Ttl);

        Assert.Equal(new LeaseAcquisition(true, new Lease("nightly-sweep", "replica-a", Start, Start + Ttl)), mine);
        Assert.False(theirs.Acquired);
        Assert.Equal("replica-a", theirs.Current.Holder);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderDiedAndLeaseExpired_AnotherTakesOver()
    {
        await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);
        Time.Advance(Ttl);

        var taken = await Leases.TryAcquireAsync("nightly-sweep", "replica-b", Ttl);

        Assert.True(taken.Acquired);
        Assert.Equal(new Lease("nightly-sweep", "replica-b", Time.GetUtcNow(), Time.GetUtcNow() + Ttl), taken.Current);
        Assert.False(await Leases.RenewAsync("nightly-sweep", "replica-a", Ttl));
        Assert.False(await Leases.ReleaseAsync("nightly-sweep", "replica-a"));
    }

    [Fact]
    public async Task RenewAsync_LiveOwnLease_ExtendsItAndKeepsAcquiredAt()
    {
        await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await Leases.RenewAsync("nightly-sweep", "replica-a", Ttl));
        Time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.False((await Leases.TryAcquireAsync("nightly-sweep", "replica-b", Ttl)).Acquired);
        var again = await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);

        Assert.True(again.Acquired);
        Assert.Equal(Start, again.Current.AcquiredAt);
        Assert.Equal(Time.GetUtcNow() + Ttl, again.Current.ExpiresAt);
    }

    [Fact]
    public async Task RenewAsync_ExpiredOwnLease_Refused()
    {
        await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);
        Time.Advance(Ttl + TimeSpan.FromSeconds(1));

        Assert.False(await Leases.RenewAsync("nightly-sweep", "replica-a", Ttl));
    }

    [Fact]
    public async Task ReleaseAsync_ByHolder_FreesLeaseForOthers()
    {
        await Leases.TryAcquireAsync("nightly-sweep", "replica-a", Ttl);

        Assert.True(await Leases.ReleaseAsync("nightly-sweep", "replica-a"));

        Assert.Null(await Leases.GetAsync("nightly-sweep"));
        Assert.True((await Leases.TryAcquireAsync("nightly-sweep", "replica-b", Ttl)).Acquired);
    }

    [Fact]
    public async Task TryAcquireAsync_TwelveReplicasAtOnce_ExactlyOneHoldsIt()
    {
        var replicas = new List<IHygieneStore>();
        for (var i = 0; i < 12; i++)
        {
            replicas.Add(await OpenAsync());
        }

        var results = await Task.WhenAll(replicas.Select((replica, i) =>
            Task.Run(() => replica.Leases.TryAcquireAsync("nightly-sweep", $"replica-{i}", Ttl))));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.All(results, r => Assert.Equal(winner.Current.Holder, r.Current.Holder));
    }
}

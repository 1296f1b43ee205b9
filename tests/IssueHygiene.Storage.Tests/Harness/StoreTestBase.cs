using IssueHygiene.Storage;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Storage.Tests.Harness;

/// <summary>
/// Base of every contract test: a fresh store location per test, a <see cref="FakeTimeProvider"/>
/// that the test moves, and cleanup of every store it opened.
/// </summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private readonly List<IHygieneStore> _opened = [];

    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    protected abstract IStoreTarget Target { get; }

    /// <summary>The store of this test, opened and migrated.</summary>
    protected IHygieneStore Store { get; private set; } = null!;

    protected string Location { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        Location = await Target.NewLocationAsync();
        Store = await OpenAsync();
    }

    /// <summary>Opens another store on this test's location: another connection, as a second replica would.</summary>
    protected async Task<IHygieneStore> OpenAsync(StorageDurability durability = StorageDurability.Full, TimeProvider? time = null)
    {
        var store = Target.Create(Location, time ?? Time, durability);
        _opened.Add(store);
        await store.InitializeAsync();
        return store;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        (Target as IDisposable)?.Dispose();
    }
}

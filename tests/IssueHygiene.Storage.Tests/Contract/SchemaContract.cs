using IssueHygiene.Storage.Tests.Harness;

namespace IssueHygiene.Storage.Tests.Contract;

public abstract class SchemaContract : StoreTestBase
{
    /// <summary>The number of migrations (1: the first schema; 2: deliveries keep a digest; 3: tracker health).</summary>
    private const int CurrentVersion = 3;

    [Fact]
    public async Task InitializeAsync_Twice_IsIdempotentAtTheNewestVersion()
    {
        var version = await Store.GetSchemaVersionAsync();
        await Store.InitializeAsync();
        var second = await OpenAsync();

        Assert.Equal(CurrentVersion, version);
        Assert.Equal(version, await second.GetSchemaVersionAsync());
    }

    [Fact]
    public async Task InitializeAsync_SchemaNewerThanCode_FailsNamingStoreAndBothVersions()
    {
        await Target.ExecuteRawAsync(Location, "INSERT INTO schema_version (version, applied_at) VALUES (7, 'later')");

        var error = await Assert.ThrowsAsync<StorageSchemaTooNewException>(() => OpenAsync());

        Assert.Equal((7, CurrentVersion), (error.DatabaseVersion, error.KnownVersion));
        Assert.Contains(Store.Description, error.Message, StringComparison.Ordinal);
        Assert.Contains("version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {CurrentVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_SeveralReplicasAtOnceOnEmptyStore_AllSucceed()
    {
        var location = await Target.NewLocationAsync();
        var stores = Enumerable.Range(0, 6).Select(_ => Target.Create(location, Time)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));

            Assert.All(await Task.WhenAll(stores.Select(s => s.GetSchemaVersionAsync())), v => Assert.Equal(CurrentVersion, v));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}

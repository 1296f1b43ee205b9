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

    [Fact]
    public async Task Migration2_BodiesQueuedBefore_BecomeDigestsWithoutTheirText()
    {
        // Issue 16 hole 3: deliveries kept every webhook body; version 2 keeps a digest (kind, note id, create/update).
        var note = await Store.Deliveries.EnqueueAsync(TestDeliveries.For(1, 10) with
        {
            Payload = """{"object_kind":"note","object_attributes":{"id":55,"note":"token glpat-SECRETSECRETSECRET","action":"update"},"issue":{"iid":10}}""",
        });
        var issue = await Store.Deliveries.EnqueueAsync(TestDeliveries.For(1, 11) with
        {
            Payload = """{"object_kind":"issue","object_attributes":{"iid":11,"title":"private title"}}""",
        });
        // Run version 2 again over rows as they were queued before it.
        await Target.ExecuteRawAsync(Location, Target.Name == "sqlite" ? IssueHygiene.Storage.Sqlite.SqliteMigrations.All[1] : IssueHygiene.Storage.Postgres.PostgresMigrations.All[1]);

        var migrated = Store;

        using var noteDigest = System.Text.Json.JsonDocument.Parse((await migrated.Deliveries.GetAsync(note.DeliveryId))!.Payload);
        Assert.Equal(("note", 55L, "update"), (
            noteDigest.RootElement.GetProperty("kind").GetString(),
            noteDigest.RootElement.GetProperty("note_id").GetInt64(),
            noteDigest.RootElement.GetProperty("action").GetString()));
        var issuePayload = (await migrated.Deliveries.GetAsync(issue.DeliveryId))!.Payload;
        Assert.DoesNotContain("private title", issuePayload, StringComparison.Ordinal);
        Assert.Equal("issue", System.Text.Json.JsonDocument.Parse(issuePayload).RootElement.GetProperty("kind").GetString());
    }
}

using IssueHygiene.Storage.Deliveries;
using IssueHygiene.Storage.Sqlite;
using IssueHygiene.Storage.Tests.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Storage.Tests.Sqlite;

/// <summary>SQLite start-up: the file layout it needs, and clear errors instead of a silent fallback.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteStartupTests : IDisposable
{
    private readonly SqliteTarget _target = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _target.Dispose();
    }

    [Fact]
    public async Task InitializeAsync_MissingDirectories_CreatesThemAndTheDatabaseInWalMode()
    {
        var path = Path.Combine(_target.Directory, "nested", "data", "issue-hygiene.db");
        await using (var store = new SqliteHygieneStore($"Data Source={path}", _time))
        {
            await store.InitializeAsync();
            await store.Deliveries.EnqueueAsync(TestDeliveries.For(1, 1));
            Assert.Contains(path, store.Description, StringComparison.Ordinal);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_FileIsNotADatabase_FailsNamingStoreAndCause()
    {
        var path = Path.Combine(_target.Directory, "corrupt.db");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31)).ToArray());
        await using var store = new SqliteHygieneStore($"Data Source={path}", _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Contains($"SQLite store '{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ReadOnlyFile_FailsSayingReadOnly()
    {
        var path = Path.Combine(_target.Directory, "readonly.db");
        await using (var store = new SqliteHygieneStore($"Data Source={path}", _time))
        {
            await store.InitializeAsync();
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        await using var reopened = new SqliteHygieneStore($"Data Source={path}", _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => reopened.InitializeAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ReadOnlyDirectory_FailsSayingReadOnly()
    {
        var directory = Path.Combine(_target.Directory, "locked");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        await using var store = new SqliteHygieneStore($"Data Source={Path.Combine(directory, "x.db")}", _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task InitializeAsync_ReadOnlyMode_FailsInsteadOfOpeningReadOnly()
    {
        var path = Path.Combine(_target.Directory, "mode.db");
        await using (var store = new SqliteHygieneStore($"Data Source={path}", _time))
        {
            await store.InitializeAsync();
        }

        await using var readOnly = new SqliteHygieneStore($"Data Source={path};Mode=ReadOnly", _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => readOnly.InitializeAsync());

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x.db;Mode=Memory")]
    [InlineData("")]
    public void Constructor_InMemoryOrNoFile_RefusedNeverSilentlyInMemory(string connectionString)
    {
        var error = Assert.Throws<StorageUnavailableException>(() => new SqliteHygieneStore(connectionString, _time));

        Assert.Contains("in-memory database is not durable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownKeyword_FailsAsInvalidConnectionString()
    {
        var error = Assert.Throws<StorageUnavailableException>(() => new SqliteHygieneStore("Data Source=x.db;Flavour=strawberry", _time));

        Assert.Contains("not a valid SQLite connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliveries_BeforeInitialize_ThrowsSayingToInitialize()
    {
        await using var store = new SqliteHygieneStore($"Data Source={Path.Combine(_target.Directory, "later.db")}", _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Deliveries.GetCountsAsync());

        Assert.Contains("InitializeAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueAsync_TwoStoresOnOneFile_BothSeeEachOthersDeliveries()
    {
        var path = Path.Combine(_target.Directory, "shared.db");
        await using var a = new SqliteHygieneStore($"Data Source={path}", _time);
        await using var b = new SqliteHygieneStore($"Data Source={path}", _time);
        await Task.WhenAll(a.InitializeAsync(), b.InitializeAsync());

        await a.Deliveries.EnqueueAsync(TestDeliveries.For(1, 1));
        var claimed = await b.Deliveries.ClaimAsync("w", TimeSpan.FromMinutes(1));

        Assert.NotNull(claimed);
        Assert.Equal(new QueueCounts(0, 1, 0), await a.Deliveries.GetCountsAsync());
    }
}

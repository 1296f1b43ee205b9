using System.Net;
using System.Net.Sockets;
using IssueHygiene.Storage.Postgres;
using IssueHygiene.Storage.Tests.Harness;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IssueHygiene.Storage.Tests.Postgres;

/// <summary>PostgreSQL start-up errors and what a dead connection leaves behind, against the real server.</summary>
public sealed class PostgresStartupTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task InitializeAsync_NothingListensOnPort_FailsNamingHostAndPort()
    {
        var port = ClosedPort();
        await using var store = new PostgresHygieneStore($"Host=127.0.0.1;Port={port};Username=postgres;Password=secret-not-shown;Timeout=5", _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Contains($"PostgreSQL store 127.0.0.1:{port}/postgres", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-not-shown", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_WrongPassword_FailsSayingAuthenticationWithoutThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.DatabaseConnectionString) { Password = "definitely-wrong-password" };
        await using var store = new PostgresHygieneStore(builder.ConnectionString, _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("authentication failed for user 'postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains(database.Database, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("definitely-wrong-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_DatabaseMissing_FailsNamingIt()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.DatabaseConnectionString) { Database = "no_such_database_here" };
        await using var store = new PostgresHygieneStore(builder.ConnectionString, _time);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("database 'no_such_database_here' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoHost_FailsClearly()
    {
        var error = Assert.Throws<StorageUnavailableException>(() => new PostgresHygieneStore("Username=postgres;Database=x", _time));

        Assert.Contains("no Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimAsync_ClaimerConnectionKilledMidTransaction_ItsLocksGoAndTheDeliveryIsClaimed()
    {
        var location = await database.NewLocationAsync();
        await using var store = new PostgresHygieneStore(location, _time);
        await store.InitializeAsync();
        var id = (await store.Deliveries.EnqueueAsync(TestDeliveries.For(1, 10))).DeliveryId;

        // A claimer that has locked the row and the issue, then dies before committing.
        await using var doomed = new NpgsqlConnection(location);
        await doomed.OpenAsync();
        await using var transaction = await doomed.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand(
            "SELECT id FROM deliveries WHERE id = @id FOR UPDATE; SELECT pg_advisory_xact_lock(hashtextextended('issue:1#10', 0))", doomed, transaction))
        {
            lockIt.Parameters.AddWithValue("id", id);
            await lockIt.ExecuteNonQueryAsync();
        }

        Assert.Null(await store.Deliveries.ClaimAsync("w2", TimeSpan.FromMinutes(5)));

        await PostgresDatabase.ExecuteAsync(database.DatabaseConnectionString, $"SELECT pg_terminate_backend({doomed.ProcessID})");
        var claimed = await ClaimSoonAsync(store);

        Assert.Equal(id, Assert.Single(claimed.Deliveries).Id);
    }

    private static async Task<IssueHygiene.Storage.Deliveries.ClaimedBatch> ClaimSoonAsync(PostgresHygieneStore store)
    {
        // pg_terminate_backend signals the backend; its locks go a moment later.
        IssueHygiene.Storage.Deliveries.ClaimedBatch? claimed = null;
        await Eventually.AssertAsync(
            async () => (claimed = await store.Deliveries.ClaimAsync("w2", TimeSpan.FromMinutes(5))) is not null,
            TimeSpan.FromSeconds(5),
            "the killed connection's locks are released");
        return claimed!;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

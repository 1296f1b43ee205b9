using IssueHygiene.Storage.Postgres;
using Npgsql;

namespace IssueHygiene.Storage.Tests.Harness;

/// <summary>
/// A fresh PostgreSQL database per test class (xUnit class fixture) on the server that <c>./test.sh</c>
/// starts; each test gets its own schema in it. There is no fallback: without the server the tests fail.
/// </summary>
public sealed class PostgresDatabase : IStoreTarget, IAsyncLifetime
{
    public const string EnvironmentVariable = "ISSUEHYGIENE_TEST_POSTGRES";

    private string? _database;

    public string Name => "postgres";

    /// <summary>The server's connection string from the environment (database <c>postgres</c>).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL contract tests need a real server. Run ./test.sh (it starts a throw-away PostgreSQL via .ci/postgres.sh), "
                + "or: info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES=\"${info%%|*}\"");

    public string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Database }.ConnectionString;

    public string Database => _database ?? throw new InvalidOperationException("fixture not initialized");

    public async Task InitializeAsync()
    {
        var database = "ih_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {database}");
        _database = database;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    public async Task<string> NewLocationAsync()
    {
        var schema = "s_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(DatabaseConnectionString, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public IHygieneStore Create(string connectionString, TimeProvider time, StorageDurability durability = StorageDurability.Full) =>
        new PostgresHygieneStore(connectionString, time, durability);

    public Task ExecuteRawAsync(string connectionString, string sql) => ExecuteAsync(connectionString, sql);

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

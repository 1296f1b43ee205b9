using Npgsql;

namespace IssueHygiene.Tests.ScaleOut;

/// <summary>
/// A fresh PostgreSQL database on the server <c>./test.sh</c> starts (<c>ISSUEHYGIENE_TEST_POSTGRES</c>), dropped
/// afterwards. No fallback: without the server the scale-out tests fail, they never skip.
/// </summary>
internal sealed class FleetDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "ISSUEHYGIENE_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private FleetDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<FleetDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the scale-out tests need a real PostgreSQL. Run ./test.sh (it starts one via .ci/postgres.sh), "
                + "or: info=$(bash .ci/postgres.sh); export ISSUEHYGIENE_TEST_POSTGRES=\"${info%%|*}\"");
        var name = "ih_fleet_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new FleetDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

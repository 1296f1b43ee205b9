using IssueHygiene.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IssueHygiene.Storage.Tests.Harness;

/// <summary>A temporary directory of SQLite files, deleted when the test ends.</summary>
public sealed class SqliteTarget : IStoreTarget, IDisposable
{
    public SqliteTarget()
    {
        Directory = Path.Combine(Path.GetTempPath(), "issuehygiene-storage-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Name => "sqlite";

    public Task<string> NewLocationAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".db")}");

    public IHygieneStore Create(string connectionString, TimeProvider time, StorageDurability durability = StorageDurability.Full) =>
        new SqliteHygieneStore(connectionString, time, durability);

    public async Task ExecuteRawAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A test that chmod-ed something may leave it behind in /tmp; not worth failing over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using IssueHygiene.Storage;

namespace IssueHygiene.Storage.Tests.Harness;

/// <summary>Where a contract test's store lives: a fresh SQLite file or a fresh PostgreSQL schema per test.</summary>
public interface IStoreTarget
{
    string Name { get; }

    /// <summary>A connection string to an empty, never-used store location.</summary>
    Task<string> NewLocationAsync();

    IHygieneStore Create(string connectionString, TimeProvider time, StorageDurability durability = StorageDurability.Full);

    /// <summary>Runs SQL straight against the location, bypassing the store (to tamper with it in tests).</summary>
    Task ExecuteRawAsync(string connectionString, string sql);
}

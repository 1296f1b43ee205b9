namespace IssueHygiene.Storage;

/// <summary>Configuration section <c>Storage</c>: which store and where it lives.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";
    public const string DefaultSqliteConnectionString = "Data Source=./data/issue-hygiene.db";

    /// <summary><c>sqlite</c> (default, embedded file) or <c>postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>ADO.NET connection string; empty means the SQLite default file under <c>./data/</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <see cref="StorageDurability.Full"/> unless you accept losing the last commits on a power cut
    /// (the benchmark's comparison point; never the default).
    /// </summary>
    public StorageDurability Durability { get; set; } = StorageDurability.Full;

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    internal bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    internal string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && IsSqlite ? DefaultSqliteConnectionString : ConnectionString ?? "";
}

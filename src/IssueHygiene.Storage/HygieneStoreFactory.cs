using IssueHygiene.Storage.Postgres;
using IssueHygiene.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Storage;

/// <summary>Builds the configured store (not yet initialized: call <see cref="IHygieneStore.InitializeAsync"/>).</summary>
public static class HygieneStoreFactory
{
    /// <exception cref="StorageUnavailableException">The options name no usable store.</exception>
    public static IHygieneStore Create(StorageOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = StorageOptionsValidator.Check(options);
        if (problem is not null)
        {
            throw new StorageUnavailableException(problem);
        }

        return options.IsPostgres
            ? new PostgresHygieneStore(options.EffectiveConnectionString, timeProvider, options.Durability, loggerFactory)
            : new SqliteHygieneStore(options.EffectiveConnectionString, timeProvider, options.Durability, loggerFactory);
    }
}

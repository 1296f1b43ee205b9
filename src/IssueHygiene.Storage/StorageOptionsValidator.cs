using Microsoft.Extensions.Options;

namespace IssueHygiene.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up (<c>ValidateOnStart</c>).</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        Check(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    /// <summary>The first problem with the options, or null. Never repeats the connection string (it may hold a password).</summary>
    public static string? Check(StorageOptions options)
    {
        if (!options.IsSqlite && !options.IsPostgres)
        {
            return $"Storage:Provider must be '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgresProvider}' (got '{options.Provider}')";
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return "Storage:ConnectionString is required when Storage:Provider is 'postgres' (e.g. Host=db;Username=issuehygiene;Password=...;Database=issuehygiene)";
        }

        if (!Enum.IsDefined(options.Durability))
        {
            return $"Storage:Durability must be '{StorageDurability.Full}' or '{StorageDurability.Relaxed}'";
        }

        return null;
    }
}

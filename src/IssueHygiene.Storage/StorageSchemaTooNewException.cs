namespace IssueHygiene.Storage;

/// <summary>
/// The database was migrated by a newer IssueHygiene than this one: running on would corrupt it,
/// so start-up stops and names both versions.
/// </summary>
public sealed class StorageSchemaTooNewException : StorageUnavailableException
{
    public StorageSchemaTooNewException()
    {
    }

    public StorageSchemaTooNewException(string message)
        : base(message)
    {
    }

    public StorageSchemaTooNewException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public StorageSchemaTooNewException(string store, int databaseVersion, int knownVersion)
        : base($"{store}: the database schema is version {databaseVersion} but this build of IssueHygiene knows versions up to {knownVersion}; "
            + "run a newer IssueHygiene or point Storage:ConnectionString at another database.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public int DatabaseVersion { get; }

    public int KnownVersion { get; }
}

namespace IssueHygiene.Storage;

/// <summary>
/// The store cannot be used (start-up or I/O): the message names the store (provider and path or
/// host) and the cause. Never carries a password.
/// </summary>
public class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

using Microsoft.Extensions.Logging;

namespace IssueHygiene.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{Store}: schema migrated from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, string store, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "{Store}: schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, string store, int version);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} dead-lettered after {Attempts} attempts")]
    public static partial void DeliveryDeadLettered(ILogger logger, long deliveryId, int attempts);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "{Operation} on claim {ClaimToken}: the claim was lost (expired and taken over, or already finished)")]
    public static partial void ClaimLost(ILogger logger, string operation, string claimToken);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "{Store}: opened")]
    public static partial void StoreOpened(ILogger logger, string store);
}

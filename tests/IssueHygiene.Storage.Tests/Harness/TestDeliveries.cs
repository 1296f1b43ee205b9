using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Storage.Tests.Harness;

internal static class TestDeliveries
{
    public static NewDelivery For(long? project, long? iid, string? key = null, DateTimeOffset? receivedAt = null, string payload = "{\"object_kind\":\"issue\"}") => new()
    {
        IdempotencyKey = key ?? Guid.NewGuid().ToString(),
        EventName = "Issue Hook",
        EventUuid = Guid.NewGuid().ToString(),
        ProjectId = project,
        IssueIid = iid,
        ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        Payload = payload,
    };
}

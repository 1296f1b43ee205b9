namespace IssueHygiene.Storage.Leases;

public sealed record Lease(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

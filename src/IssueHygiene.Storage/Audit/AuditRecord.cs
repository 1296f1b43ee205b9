namespace IssueHygiene.Storage.Audit;

/// <summary>A stored <see cref="AuditEntry"/> with its id.</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry);

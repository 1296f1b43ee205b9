namespace IssueHygiene.Storage.Audit;

/// <summary>Filters for <see cref="IAuditLog.QueryAsync"/>; null means "any". Time range is [From, To).</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public long? ProjectId { get; init; }

    public long? IssueIid { get; init; }

    public string? Source { get; init; }

    public int Limit { get; init; } = 1000;
}

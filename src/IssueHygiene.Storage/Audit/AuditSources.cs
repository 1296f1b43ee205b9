namespace IssueHygiene.Storage.Audit;

/// <summary>Builds the <see cref="AuditEntry.Source"/> strings so every writer spells them the same way.</summary>
public static class AuditSources
{
    public static string Delivery(long deliveryId) => $"delivery:{deliveryId}";

    public static string Sweep(string sweepRunId) => $"sweep:{sweepRunId}";
}

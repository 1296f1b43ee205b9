namespace IssueHygiene.Storage.Audit;

public enum AuditOutcome
{
    Ok,
    Error,
}

namespace IssueHygiene.Core.Policy;

/// <summary>How much a finding matters. Errors and warnings reach the lint note; info only reports.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

namespace IssueHygiene.Storage.Deliveries;

public enum ClaimOutcome
{
    /// <summary>The operation applied to the claim's deliveries.</summary>
    Applied,

    /// <summary>
    /// The token no longer holds any delivery: the claim expired and another worker took the issue
    /// over (or it was already completed). The caller's work must not be recorded as done.
    /// </summary>
    ClaimLost,
}

namespace IssueHygiene.Storage.Deliveries;

/// <summary>What a failed attempt did to the claim's deliveries.</summary>
public sealed record FailOutcome(ClaimOutcome Claim, int RetryScheduled, int DeadLettered, DateTimeOffset? NextAttemptAt)
{
    public static FailOutcome Lost { get; } = new(ClaimOutcome.ClaimLost, 0, 0, null);
}

using IssueHygiene.Core.Actuation;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// The secret-leak response decided for one issue: what was found (kind, place, masked form, fingerprint — never a
/// value), whether it needs answering, and the writes — the same <see cref="WritePlan"/> the hygiene planner returns,
/// executed by the same Actuator.
/// </summary>
public sealed record SecretLeakPlan(IReadOnlyList<FingerprintedFinding> Findings, SecretLeakAnswer Answer, WritePlan Writes)
{
    public static SecretLeakPlan Nothing { get; } = new([], SecretLeakAnswer.NothingFound, WritePlan.Nothing);
}

/// <summary>What the secret-leak planner decided.</summary>
public enum SecretLeakAnswer
{
    /// <summary>No credential in the texts (or the rule is off).</summary>
    NothingFound,

    /// <summary>Action <c>report</c>: findings only, no writes.</summary>
    Reported,

    /// <summary>Every finding's fingerprint is in a secret-leak note already: no writes.</summary>
    AlreadyAnswered,

    /// <summary>New findings: <see cref="SecretLeakPlan.Writes"/> answers them.</summary>
    Respond,
}

namespace IssueHygiene.Secrets;

/// <summary>What <see cref="SecretLeakResponder.RespondAsync"/> did.</summary>
public enum SecretLeakStatus
{
    /// <summary>No credential in the texts given (or the rule is off): nothing was asked of GitLab.</summary>
    NothingFound,

    /// <summary>Action <c>report</c>: the findings are returned, nothing is written.</summary>
    Reported,

    /// <summary>Every finding was answered already (its fingerprint is in an internal note): nothing written.</summary>
    AlreadyAnswered,

    /// <summary>Dry run: the writes were planned and audited, not made.</summary>
    Planned,

    /// <summary>The writes were made.</summary>
    Written,

    /// <summary>The run's write budget did not allow the writes.</summary>
    BudgetExhausted,

    /// <summary>A write failed (the rest of the plan was not attempted).</summary>
    Failed,
}

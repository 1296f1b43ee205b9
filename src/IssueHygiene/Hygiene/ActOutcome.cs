using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Hygiene;

/// <summary>What the Actuator did for one issue.</summary>
/// <param name="Verdict">The verdict acted on.</param>
/// <param name="Writes">The writes made (live) or that would be made (dry run, or refused by the budget).</param>
/// <param name="Status">Whether the writes happened.</param>
/// <param name="Error">The first write error, when one failed.</param>
public sealed record ActOutcome(Verdict Verdict, IReadOnlyList<PlannedWrite> Writes, ActStatus Status, string? Error = null);

public enum ActStatus
{
    /// <summary>Nothing to write.</summary>
    NothingToDo,

    /// <summary>All writes made.</summary>
    Written,

    /// <summary>Dry run: the writes were planned and recorded, not made.</summary>
    Planned,

    /// <summary>The run's write budget did not allow the writes.</summary>
    BudgetExhausted,

    /// <summary>A write failed (the rest of the plan was not attempted).</summary>
    Failed,
}

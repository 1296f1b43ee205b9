using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Processing;

/// <summary>What the Actuator did with one issue's plan.</summary>
/// <param name="Writes">The writes made (live), planned (dry run) or refused by the budget: the last plan's.</param>
/// <param name="Status">Whether they happened.</param>
/// <param name="Error">Why not, when they failed.</param>
public sealed record ActExecution(IReadOnlyList<PlannedWrite> Writes, ActStatus Status, string? Error = null)
{
    public static ActExecution Nothing { get; } = new([], ActStatus.NothingToDo);
}

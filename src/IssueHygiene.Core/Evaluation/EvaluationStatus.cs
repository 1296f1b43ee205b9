namespace IssueHygiene.Core.Evaluation;

/// <summary>Whether the rules ran on an issue, and if not, why not.</summary>
public enum EvaluationStatus
{
    Evaluated,
    SkippedClosed,
    SkippedExempt,
    SkippedGracePeriod,

    /// <summary>A work item type the rules do not govern (a task, an epic…): see <c>workItemTypes</c>.</summary>
    SkippedWorkItemType,
}

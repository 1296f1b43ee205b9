using IssueHygiene.Core.Taxonomy;

namespace IssueHygiene.Taxonomy;

/// <summary>What <c>labels sync</c> found and did for one group.</summary>
/// <param name="Group">The group, as given.</param>
/// <param name="Plan">The decision: creates, updates, renames, conflicts.</param>
/// <param name="Applied">The changes made (empty in a dry run).</param>
/// <param name="Failures">Changes GitLab refused, with its message.</param>
/// <param name="BudgetExhausted">True when the write budget stopped the run.</param>
/// <param name="DryRun">Nothing was written.</param>
/// <param name="Undocumented">Labels on open issues the taxonomy does not document; null when <c>label-documented</c> is off.</param>
public sealed record LabelSyncOutcome(
    string Group,
    LabelSyncPlan Plan,
    IReadOnlyList<LabelChange> Applied,
    IReadOnlyList<string> Failures,
    bool BudgetExhausted,
    bool DryRun,
    IReadOnlyList<UndocumentedLabel>? Undocumented)
{
    /// <summary>True when the group's labels match the taxonomy now (undocumented labels are info: they do not count).</summary>
    public bool InOrder => Plan.Conflicts.Count == 0 && Failures.Count == 0 && !BudgetExhausted && Applied.Count == Plan.Changes.Count;
}

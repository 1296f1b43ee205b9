using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Actuation;

/// <summary>
/// The optional marker label (<c>summary.markerLabel</c>): on an issue while it has an error-level finding that its
/// fixes do not remove, off once it is clean. It rides in the same quick actions as the fixes, never a write of its own
/// beside them, and converges: once it is right, it plans nothing.
/// </summary>
public static class MarkerLabel
{
    /// <summary>The verdict with the marker's add or remove appended to its quick actions, when one is needed.</summary>
    /// <param name="verdict">The evaluated verdict.</param>
    /// <param name="marker">The marker label; null for none (the verdict is returned unchanged).</param>
    /// <param name="afterFixes">The verdict once its fixes are applied (only called when it has fixes).</param>
    public static Verdict WithMarker(Verdict verdict, string? marker, Func<Verdict, Verdict> afterFixes)
    {
        if (marker is null || verdict.Status != EvaluationStatus.Evaluated)
        {
            return verdict;
        }

        var remaining = verdict.QuickActions.Count == 0 ? verdict : afterFixes(verdict);
        var needsAttention = remaining.Violations.Any(v => v.Severity == Severity.Error);
        var carries = verdict.Issue.Labels.Contains(marker, StringComparer.Ordinal);
        QuickAction? action = (needsAttention, carries) switch
        {
            (true, false) => new AddLabelAction(marker),
            (false, true) => new RemoveLabelAction(marker),
            _ => null,
        };
        return action is null ? verdict : verdict with { QuickActions = [.. verdict.QuickActions, action] };
    }
}

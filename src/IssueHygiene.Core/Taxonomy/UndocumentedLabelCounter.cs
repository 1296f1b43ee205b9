using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Labels;

namespace IssueHygiene.Core.Taxonomy;

/// <summary>
/// Counts the labels on open issues that <c>label-documented</c> would report: not in the taxonomy, not the
/// exemption label, and not an unknown <c>flow::</c> value (<c>flow-label-known</c> reports those). A former name
/// listed under <c>previously:</c> is not counted: <c>labels sync</c> renames it.
/// </summary>
public sealed class UndocumentedLabelCounter(CompiledPolicy policy)
{
    private readonly HashSet<string> _formerNames = policy.Rules.Labels.All.SelectMany(l => l.Previously).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(IEnumerable<string> issueLabels)
    {
        foreach (var label in issueLabels.Distinct(StringComparer.Ordinal))
        {
            if (IsUndocumented(label))
            {
                _counts[label] = _counts.GetValueOrDefault(label) + 1;
            }
        }
    }

    /// <summary>Most used first, then by name.</summary>
    public IReadOnlyList<UndocumentedLabel> Result() =>
        [.. _counts.Select(c => new UndocumentedLabel(c.Key, c.Value)).OrderByDescending(l => l.OpenIssues).ThenBy(l => l.Name, StringComparer.Ordinal)];

    private bool IsUndocumented(string label) =>
        !policy.DocumentedLabels.Contains(label)
        && !_formerNames.Contains(label)
        && !(ScopedLabel.IsInScope(label, policy.FlowScope) && !policy.KnownFlowLabels.Contains(label));
}

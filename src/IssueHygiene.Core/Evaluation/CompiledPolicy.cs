using System.Collections.Concurrent;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// A rule set turned into the lookups evaluation needs (hash sets, a sprint-date cache), built once per rule set
/// so evaluating an issue allocates next to nothing.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly ConcurrentDictionary<string, DateOnly?> _sprintDates = new(StringComparer.Ordinal);

    public CompiledPolicy(RuleSet rules)
    {
        Rules = rules;
        var labels = rules.Labels;
        FlowScope = labels.Flow.Scope;
        KnownFlowLabels = labels.Flow.Values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        ActiveFlowLabels = labels.Flow.Active.ToHashSet(StringComparer.Ordinal);
        TypeLabels = labels.Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        StageLabels = labels.Stages.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        UnusedStageLabels = labels.Stages.Where(s => s.Unused).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        DocumentedLabels = labels.All.Select(l => l.Name).Append(rules.ExemptionLabel)
            .Concat(rules.Summary.MarkerLabel is { } marker ? [marker] : []).ToHashSet(StringComparer.Ordinal);
    }

    public RuleSet Rules { get; }

    public string FlowScope { get; }

    public IReadOnlySet<string> KnownFlowLabels { get; }

    public IReadOnlySet<string> ActiveFlowLabels { get; }

    public IReadOnlySet<string> TypeLabels { get; }

    public IReadOnlySet<string> StageLabels { get; }

    public IReadOnlySet<string> UnusedStageLabels { get; }

    public IReadOnlySet<string> DocumentedLabels { get; }

    /// <summary>The sprint date a milestone title names (cached: a tracker has few milestones, many issues).</summary>
    public DateOnly? SprintDateOf(string milestoneTitle) =>
        _sprintDates.GetOrAdd(milestoneTitle, static (title, sprint) => sprint.DateOf(title), Rules.Milestones.Sprint);

    /// <summary>
    /// The current sprint: of GitLab's active milestones, the sprint milestone whose sprint date (its Friday) is the
    /// first on or after <paramref name="today"/> — what the handbook's triage recipe calls
    /// <c>%&lt;current milestone&gt;</c>. Null when none exists, or offline (nothing is known about milestones).
    /// Equal dates (a project and a group sprint) resolve by title, so every path picks the same one.
    /// </summary>
    public Issues.MilestoneRef? CurrentSprint(MilestoneCatalog milestones, DateOnly today)
    {
        Issues.MilestoneRef? best = null;
        var bestDate = DateOnly.MaxValue;
        foreach (var milestone in milestones.All)
        {
            if (milestone.State != "active" || string.Equals(milestone.Title, Rules.Milestones.Backlog, StringComparison.Ordinal)
                || SprintDateOf(milestone.Title) is not { } date || date < today)
            {
                continue;
            }

            if (date < bestDate || (date == bestDate && string.CompareOrdinal(milestone.Title, best!.Title) < 0))
            {
                best = milestone;
                bestDate = date;
            }
        }

        return best;
    }

    /// <summary>True when a label is a known flow value that means the work is a priority: active flow or blocked.</summary>
    public bool IsInFlowLabel(string label) =>
        ActiveFlowLabels.Contains(label) || string.Equals(label, Rules.Labels.Flow.Blocked, StringComparison.Ordinal);

    /// <summary>Today's date in the policy's time zone.</summary>
    public DateOnly TodayAt(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Rules.TimeZone).DateTime);
}

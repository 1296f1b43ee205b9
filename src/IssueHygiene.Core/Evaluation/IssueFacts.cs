using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Labels;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// What the rules validate: the issue, today's date, and its labels and milestone classified once against the
/// policy (one pass over the labels instead of one per rule).
/// </summary>
public sealed class IssueFacts
{
    private static readonly string[] None = [];

    public IssueFacts(IssueSnapshot issue, DateOnly today, CompiledPolicy policy, TrackerCatalog catalog)
    {
        Issue = issue;
        Today = today;
        Policy = policy;
        Catalog = catalog;

        List<string>? flow = null, types = null, stages = null;
        foreach (var label in issue.Labels)
        {
            if (ScopedLabel.IsInScope(label, policy.FlowScope))
            {
                (flow ??= new List<string>(2)).Add(label);
            }
            else if (policy.TypeLabels.Contains(label))
            {
                (types ??= new List<string>(2)).Add(label);
            }
            else if (policy.StageLabels.Contains(label))
            {
                (stages ??= new List<string>(2)).Add(label);
            }
        }

        FlowLabels = flow ?? (IReadOnlyList<string>)None;
        TypeLabels = types ?? (IReadOnlyList<string>)None;
        StageLabels = stages ?? (IReadOnlyList<string>)None;

        if (issue.Milestone is { } milestone)
        {
            IsBacklog = string.Equals(milestone.Title, policy.Rules.Milestones.Backlog, StringComparison.Ordinal);
            SprintDate = IsBacklog ? null : policy.SprintDateOf(milestone.Title);
        }
    }

    public IssueSnapshot Issue { get; }

    public DateOnly Today { get; }

    public CompiledPolicy Policy { get; }

    /// <summary>What GitLab has (milestones, labels) for fixes to use; unknown offline.</summary>
    public TrackerCatalog Catalog { get; }

    /// <summary>Labels whose scope is the flow scope, known values or not.</summary>
    public IReadOnlyList<string> FlowLabels { get; }

    public IReadOnlyList<string> TypeLabels { get; }

    public IReadOnlyList<string> StageLabels { get; }

    public bool HasMilestone => Issue.Milestone is not null;

    public bool IsBacklog { get; }

    /// <summary>The sprint's date when the milestone is a sprint milestone.</summary>
    public DateOnly? SprintDate { get; }

    public bool IsSprint => SprintDate is not null;

    /// <summary>
    /// True when the issue is in flow: a known active flow label (To Do, Doing, Review) or the blocked one. Such work
    /// is a priority, so it belongs in a sprint milestone, never in Backlog.
    /// </summary>
    public bool IsInFlow
    {
        get
        {
            foreach (var label in FlowLabels)
            {
                if (Policy.IsInFlowLabel(label))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The current sprint milestone in GitLab's list (see <see cref="CompiledPolicy.CurrentSprint"/>), or null.</summary>
    public MilestoneRef? CurrentSprint
    {
        get
        {
            if (!_currentSprintKnown)
            {
                _currentSprint = Policy.CurrentSprint(Catalog.Milestones, Today);
                _currentSprintKnown = true;
            }

            return _currentSprint;
        }
    }

    private MilestoneRef? _currentSprint;
    private bool _currentSprintKnown;

    /// <summary>True when a known active flow label (To Do, Doing, Review) is on the issue.</summary>
    public bool HasActiveFlow
    {
        get
        {
            foreach (var label in FlowLabels)
            {
                if (Policy.ActiveFlowLabels.Contains(label))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

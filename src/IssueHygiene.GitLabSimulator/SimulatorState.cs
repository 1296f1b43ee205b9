using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator;

/// <summary>Thread-safe, read-only copies of the simulator's data, for assertions in tests.</summary>
public sealed class SimulatorState
{
    private readonly SimulatorStore _store;

    internal SimulatorState(SimulatorStore store) => _store = store;

    public int IssueCount
    {
        get { lock (_store.Gate) { return _store.Issues.Count; } }
    }

    public IssueView? Issue(long projectId, long iid)
    {
        lock (_store.Gate)
        {
            return _store.Projects.TryGetValue(projectId, out var project) && project.IssuesByIid.TryGetValue(iid, out var issue)
                ? View(issue)
                : null;
        }
    }

    /// <summary>All issues (of one project when given), in id order.</summary>
    public IReadOnlyList<IssueView> Issues(long? projectId = null)
    {
        lock (_store.Gate)
        {
            IEnumerable<SimIssue> issues = projectId is { } id
                ? _store.Projects.TryGetValue(id, out var project) ? project.Issues : []
                : _store.Issues.Values.OrderBy(i => i.Id);
            return [.. issues.Select(View)];
        }
    }

    /// <summary>An issue's notes (system notes included), oldest first.</summary>
    public IReadOnlyList<NoteView> Notes(long projectId, long iid)
    {
        lock (_store.Gate)
        {
            if (!_store.Projects.TryGetValue(projectId, out var project) || !project.IssuesByIid.TryGetValue(iid, out var issue))
            {
                return [];
            }

            return [.. _store.NotesByIssueId.GetValueOrDefault(issue.Id, [])
                .Select(n => new NoteView(n.Id, issue.Id, n.Body, _store.Users[n.AuthorId].Username, n.Internal, n.System, n.CreatedAt))];
        }
    }

    /// <summary>Every label, group and project ones.</summary>
    public IReadOnlyList<LabelView> Labels()
    {
        lock (_store.Gate)
        {
            return [.. _store.Labels.Values.OrderBy(l => l.Id).Select(l => new LabelView(l.Id, l.Title, l.Color, l.Description, l.GroupId, l.ProjectId))];
        }
    }

    public IReadOnlyList<MilestoneView> Milestones()
    {
        lock (_store.Gate)
        {
            return [.. _store.Milestones.Values.OrderBy(m => m.Id).Select(m => new MilestoneView(m.Id, m.Iid, m.Title, m.State, m.StartDate, m.DueDate, m.GroupId, m.ProjectId))];
        }
    }

    /// <summary>A user's id by username (null when unknown).</summary>
    public long? UserId(string username)
    {
        lock (_store.Gate)
        {
            return _store.UsersByUsername.GetValueOrDefault(username)?.Id;
        }
    }

    private IssueView View(SimIssue issue) => new(
        issue.Id,
        issue.Iid,
        issue.Project.Id,
        issue.Title,
        issue.Description,
        issue.State,
        [.. issue.LabelIds.Select(id => _store.Labels[id].Title).Order(StringComparer.Ordinal)],
        issue.MilestoneId,
        _store.MilestoneById(issue.MilestoneId)?.Title,
        [.. issue.AssigneeIds.Select(id => _store.Users[id].Username)],
        issue.Confidential,
        issue.CreatedAt,
        issue.UpdatedAt,
        issue.UserNotesCount);
}

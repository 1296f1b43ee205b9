using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>
/// Everything the simulated GitLab knows. One lock (<see cref="Gate"/>) guards all of it: the
/// simulator is a test double, and one lock is simple to reason about and fast enough for
/// thousands of requests per second. Every member assumes the caller holds <see cref="Gate"/>.
/// </summary>
internal sealed partial class SimulatorStore
{
    // Separate id ranges per entity type, so a client that mixes up ids (project vs group,
    // issue iid vs id) gets a 404 instead of silently reading the wrong thing.
    private long _nextUserId = 1;
    private long _nextGroupId = 100;
    private long _nextProjectId = 200;
    private long _nextLabelId = 1000;
    private long _nextMilestoneId = 5000;
    private long _nextIssueId = 100_000;
    private long _nextNoteId = 10_000_000;
    private long _nextHookId = 1;
    private readonly Dictionary<long, long> _nextMilestoneIid = [];

    public SimulatorStore(TimeProvider clock, Func<bool> scopedLabelExclusivity)
    {
        Clock = clock;
        ScopedLabelExclusivity = scopedLabelExclusivity;
    }

    public Lock Gate { get; } = new();

    public TimeProvider Clock { get; }

    public Func<bool> ScopedLabelExclusivity { get; }

    /// <summary>Base of every <c>web_url</c>; set once the listening address is known.</summary>
    public string WebBase { get; set; } = "http://127.0.0.1";

    public Dictionary<long, SimUser> Users { get; } = [];
    public Dictionary<string, SimUser> UsersByUsername { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, SimUser> UsersByToken { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, SimGroup> Groups { get; } = [];
    public Dictionary<string, SimGroup> GroupsByPath { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<long, SimProject> Projects { get; } = [];
    public Dictionary<string, SimProject> ProjectsByPath { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<long, SimLabel> Labels { get; } = [];
    public Dictionary<long, SimMilestone> Milestones { get; } = [];
    public Dictionary<long, SimIssue> Issues { get; } = [];
    public Dictionary<long, List<SimNote>> NotesByIssueId { get; } = [];
    public Dictionary<long, SimNote> Notes { get; } = [];
    public List<SimHook> Hooks { get; } = [];

    /// <summary>Bumped when an issue is created (created_at / id / title orders change).</summary>
    public long CreationVersion { get; private set; }

    /// <summary>Bumped on every issue change (updated_at order changes).</summary>
    public long UpdateVersion { get; private set; }

    /// <summary>
    /// Bumped by anything that may change what a list shows without touching an issue (a write request of any kind,
    /// a test arranging the store directly): an offset walk kept from an earlier page is then not resumed.
    /// </summary>
    public long Mutations { get; private set; }

    public void Mutated() => Mutations++;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public SimUser AddUser(string username, string name, string? token, bool isAdmin = false)
    {
        if (token is not null && UsersByToken.TryGetValue(token, out var holder))
        {
            throw new InvalidOperationException($"Token for '{username}' is already the token of '{holder.Username}': a token names one user.");
        }

        var user = new SimUser { Id = _nextUserId++, Username = username, Name = name, Token = token, IsAdmin = isAdmin, CreatedAt = Now };
        Users.Add(user.Id, user);
        UsersByUsername.Add(username, user);
        if (token is not null)
        {
            UsersByToken.Add(token, user);
        }

        return user;
    }

    public SimGroup AddGroup(string name, string path, SimGroup? parent = null, string description = "")
    {
        var group = new SimGroup
        {
            Id = _nextGroupId++,
            Name = name,
            Path = path,
            FullPath = parent is null ? path : parent.FullPath + "/" + path,
            ParentId = parent?.Id,
            Description = description,
            CreatedAt = Now,
        };
        Groups.Add(group.Id, group);
        GroupsByPath.Add(group.FullPath, group);
        return group;
    }

    public SimProject AddProject(string name, string path, SimGroup group, string description = "")
    {
        var project = new SimProject { Id = _nextProjectId++, Name = name, Path = path, Namespace = group, Description = description, CreatedAt = Now };
        Projects.Add(project.Id, project);
        ProjectsByPath.Add(project.PathWithNamespace, project);
        return project;
    }

    public SimLabel AddGroupLabel(SimGroup group, string title, string color, string? description = null)
    {
        var label = new SimLabel { Id = _nextLabelId++, Title = title, Color = color, Description = description, GroupId = group.Id, CreatedAt = Now, UpdatedAt = Now };
        Labels.Add(label.Id, label);
        group.Labels.Add(title, label);
        return label;
    }

    public SimLabel AddProjectLabel(SimProject project, string title, string color, string? description = null)
    {
        var label = new SimLabel { Id = _nextLabelId++, Title = title, Color = color, Description = description, ProjectId = project.Id, CreatedAt = Now, UpdatedAt = Now };
        Labels.Add(label.Id, label);
        project.Labels.Add(title, label);
        return label;
    }

    public SimMilestone AddMilestone(SimGroup? group, SimProject? project, string title, DateOnly? startDate, DateOnly? dueDate, string? description = null)
    {
        var owner = group?.Id ?? project!.Id;
        var iid = _nextMilestoneIid.GetValueOrDefault(owner, 1);
        _nextMilestoneIid[owner] = iid + 1;
        var milestone = new SimMilestone
        {
            Id = _nextMilestoneId++,
            Iid = iid,
            GroupId = group?.Id,
            ProjectId = project?.Id,
            Title = title,
            Description = description,
            StartDate = startDate,
            DueDate = dueDate,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Milestones.Add(milestone.Id, milestone);
        return milestone;
    }

    public SimHook AddHook(SimHook template)
    {
        var hook = new SimHook
        {
            Id = _nextHookId++,
            Url = template.Url,
            Token = template.Token,
            ProjectId = template.ProjectId,
            GroupId = template.GroupId,
            IssuesEvents = template.IssuesEvents,
            ConfidentialIssuesEvents = template.ConfidentialIssuesEvents,
            NoteEvents = template.NoteEvents,
            ConfidentialNoteEvents = template.ConfidentialNoteEvents,
            MergeRequestsEvents = template.MergeRequestsEvents,
            CreatedAt = Now,
        };
        Hooks.Add(hook);
        return hook;
    }

    /// <summary>
    /// Inserts an issue as-is (no hooks, no system notes): for seeding and for POST.
    /// <paramref name="updatedAt"/> defaults to <paramref name="createdAt"/> (seeding); POST passes "now".
    /// </summary>
    public SimIssue InsertIssue(SimProject project, string title, string? description, long authorId, DateTimeOffset createdAt, DateTimeOffset? updatedAt = null)
    {
        var issue = new SimIssue
        {
            Id = _nextIssueId++,
            Iid = project.NextIssueIid++,
            Project = project,
            Title = title,
            Description = description,
            AuthorId = authorId,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt ?? createdAt,
        };
        project.Issues.Add(issue);
        project.IssuesByIid.Add(issue.Iid, issue);
        Issues.Add(issue.Id, issue);
        CreationVersion++;
        UpdateVersion++;
        return issue;
    }

    /// <summary>
    /// Removes an issue and its notes, as GitLab's Issuable::DestroyService does; its iid is not
    /// reused. Every sorted list index goes stale, so the next list rebuilds it.
    /// </summary>
    public void DeleteIssue(SimIssue issue)
    {
        var project = issue.Project;
        project.Issues.Remove(issue);
        project.IssuesByIid.Remove(issue.Iid);
        Issues.Remove(issue.Id);
        if (NotesByIssueId.Remove(issue.Id, out var notes))
        {
            foreach (var note in notes)
            {
                Notes.Remove(note.Id);
            }
        }

        CreationVersion++;
        UpdateVersion++;
    }

    public SimNote InsertNote(SimIssue issue, string body, long authorId, bool isInternal, bool isSystem, DateTimeOffset createdAt)
    {
        var note = new SimNote { Id = _nextNoteId++, Issue = issue, Body = body, AuthorId = authorId, Internal = isInternal, System = isSystem, CreatedAt = createdAt, UpdatedAt = createdAt };
        Notes.Add(note.Id, note);
        if (!NotesByIssueId.TryGetValue(issue.Id, out var list))
        {
            list = [];
            NotesByIssueId.Add(issue.Id, list);
        }

        list.Add(note);
        if (!isSystem)
        {
            issue.UserNotesCount++;
        }

        return note;
    }

    public void RemoveNote(SimNote note)
    {
        Notes.Remove(note.Id);
        if (NotesByIssueId.TryGetValue(note.Issue.Id, out var list))
        {
            list.Remove(note);
        }

        if (!note.System)
        {
            note.Issue.UserNotesCount--;
        }
    }
}

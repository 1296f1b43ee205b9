using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>Resolution rules GitLab applies: ids or full paths, ancestor groups, inherited membership.</summary>
internal sealed partial class SimulatorStore
{
    /// <summary>An <c>:id</c> path parameter: a number or a URL-encoded full path.</summary>
    public SimProject? FindProject(string idOrPath)
    {
        var decoded = Uri.UnescapeDataString(idOrPath);
        return long.TryParse(decoded, out var id)
            ? Projects.GetValueOrDefault(id)
            : ProjectsByPath.GetValueOrDefault(decoded);
    }

    public SimGroup? FindGroup(string idOrPath)
    {
        var decoded = Uri.UnescapeDataString(idOrPath);
        return long.TryParse(decoded, out var id)
            ? Groups.GetValueOrDefault(id)
            : GroupsByPath.GetValueOrDefault(decoded);
    }

    /// <summary>Sudo accepts a username or a user id.</summary>
    public SimUser? FindUser(string usernameOrId) =>
        long.TryParse(usernameOrId, out var id) ? Users.GetValueOrDefault(id) : UsersByUsername.GetValueOrDefault(usernameOrId);

    /// <summary>The group and its ancestors, nearest first.</summary>
    public IEnumerable<SimGroup> SelfAndAncestors(SimGroup group)
    {
        for (SimGroup? g = group; g is not null; g = g.ParentId is { } parent ? Groups[parent] : null)
        {
            yield return g;
        }
    }

    public bool IsDescendantOrSelf(SimGroup candidate, SimGroup ancestor) =>
        SelfAndAncestors(candidate).Any(g => g.Id == ancestor.Id);

    public IEnumerable<SimProject> ProjectsOf(SimGroup group, bool includeSubgroups) =>
        Projects.Values
            .Where(p => includeSubgroups ? IsDescendantOrSelf(p.Namespace, group) : p.Namespace.Id == group.Id)
            .OrderBy(p => p.Id);

    /// <summary>Direct or inherited membership (the highest level wins); null when not a member.</summary>
    public int? MembershipOf(SimUser user, SimProject project)
    {
        int? best = project.Members.TryGetValue(user.Id, out var own) ? own : null;
        foreach (var group in SelfAndAncestors(project.Namespace))
        {
            if (group.Members.TryGetValue(user.Id, out var level) && (best is null || level > best))
            {
                best = level;
            }
        }

        return best;
    }

    public int? MembershipOf(SimUser user, SimGroup group)
    {
        int? best = null;
        foreach (var g in SelfAndAncestors(group))
        {
            if (g.Members.TryGetValue(user.Id, out var level) && (best is null || level > best))
            {
                best = level;
            }
        }

        return best;
    }

    /// <summary>What the user may do: admins act as owners everywhere.</summary>
    public int AccessOf(SimUser user, SimProject project) => user.IsAdmin ? AccessLevel.Owner : MembershipOf(user, project) ?? AccessLevel.None;

    public int AccessOf(SimUser user, SimGroup group) => user.IsAdmin ? AccessLevel.Owner : MembershipOf(user, group) ?? AccessLevel.None;

    /// <summary>Confidential issues: reporters and up, the author and the assignees (GitLab's rule).</summary>
    public bool CanSee(SimUser user, SimIssue issue) =>
        !issue.Confidential
        || AccessOf(user, issue.Project) >= AccessLevel.Reporter
        || issue.AuthorId == user.Id
        || issue.AssigneeIds.Contains(user.Id);

    /// <summary>A label title as GitLab resolves it for a project: its own labels, then ancestor groups'.</summary>
    public SimLabel? FindLabel(SimProject project, string title)
    {
        if (project.Labels.TryGetValue(title, out var own))
        {
            return own;
        }

        foreach (var group in SelfAndAncestors(project.Namespace))
        {
            if (group.Labels.TryGetValue(title, out var inherited))
            {
                return inherited;
            }
        }

        return null;
    }

    public IEnumerable<SimLabel> AvailableLabels(SimProject project) =>
        project.Labels.Values.Concat(SelfAndAncestors(project.Namespace).SelectMany(g => g.Labels.Values));

    /// <summary>The milestones an issue of the project may use: the project's and its ancestor groups'.</summary>
    public IEnumerable<SimMilestone> AvailableMilestones(SimProject project)
    {
        var groupIds = SelfAndAncestors(project.Namespace).Select(g => g.Id).ToHashSet();
        return Milestones.Values.Where(m => m.ProjectId == project.Id || (m.GroupId is { } g && groupIds.Contains(g)));
    }

    public SimMilestone? FindMilestoneByTitle(SimProject project, string title) =>
        AvailableMilestones(project).Where(m => m.Title == title).OrderBy(m => m.ProjectId is null ? 1 : 0).FirstOrDefault();

    public SimLabel? LabelById(long id) => Labels.GetValueOrDefault(id);

    public SimMilestone? MilestoneById(long? id) => id is { } value ? Milestones.GetValueOrDefault(value) : null;

    /// <summary>GitLab's scope of a scoped label: everything before the last <c>::</c>; null if unscoped.</summary>
    public static string? ScopeOf(string title)
    {
        var index = title.LastIndexOf("::", StringComparison.Ordinal);
        return index > 0 ? title[..index] : null;
    }
}

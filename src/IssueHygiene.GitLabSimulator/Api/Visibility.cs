using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Everything seeded is private, so, as on GitLab, what a user may not see does not exist for
/// them (404, never 403). Caller holds the store lock.
/// </summary>
internal static class Visibility
{
    public static SimProject? Project(SimulatorStore store, SimUser user, string id) =>
        store.FindProject(id) is { } project && (user.IsAdmin || store.MembershipOf(user, project) is not null) ? project : null;

    public static SimGroup? Group(SimulatorStore store, SimUser user, string id) =>
        store.FindGroup(id) is { } group && CanSee(store, user, group) ? group : null;

    public static bool CanSee(SimulatorStore store, SimUser user, SimGroup group) =>
        user.IsAdmin
        || store.MembershipOf(user, group) is not null
        || store.ProjectsOf(group, includeSubgroups: true).Any(p => store.MembershipOf(user, p) is not null)
        || store.Groups.Values.Any(g => g.Id != group.Id && store.IsDescendantOrSelf(g, group) && store.MembershipOf(user, g) is not null);

    public static SimIssue? Issue(SimulatorStore store, SimUser user, SimProject project, string iid) =>
        long.TryParse(iid, out var number) && project.IssuesByIid.TryGetValue(number, out var issue) && store.CanSee(user, issue)
            ? issue
            : null;
}

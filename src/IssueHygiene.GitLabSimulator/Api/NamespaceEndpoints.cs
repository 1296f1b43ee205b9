using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>Discovery: the current user, projects, groups, a group's projects, membership.</summary>
internal static class NamespaceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/version", (HttpContext c) => Endpoint.RunAsync(c, sim, (_, _) => ApiResult.Ok(new JsonObject { ["version"] = "18.6.0", ["revision"] = "simulator" })));
        app.MapGet("/api/v4/user", (HttpContext c) => Endpoint.RunAsync(c, sim, (_, a) => ApiResult.Ok(sim.Json.CurrentUser(a.User))));
        app.MapGet("/api/v4/projects", (HttpContext c) => Endpoint.RunAsync(c, sim, (p, a) => ListProjects(c, sim, p, a)));
        app.MapGet("/api/v4/projects/{id}", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (_, a) =>
            Visibility.Project(sim.Store, a.User, id) is { } project ? ApiResult.Ok(sim.Json.Project(project)) : ApiResult.NotFound("Project")));
        app.MapGet("/api/v4/groups", (HttpContext c) => Endpoint.RunAsync(c, sim, (p, a) => ListGroups(c, sim, p, a)));
        app.MapGet("/api/v4/groups/{id}", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (_, a) =>
            Visibility.Group(sim.Store, a.User, id) is { } group ? ApiResult.Ok(sim.Json.Group(group)) : ApiResult.NotFound("Group")));
        app.MapGet("/api/v4/groups/{id}/projects", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => GroupProjects(c, sim, p, a, id)));
        app.MapGet("/api/v4/projects/{id}/members/all/{userId}", (HttpContext c, string id, string userId) => Endpoint.RunAsync(c, sim, (_, a) => Member(sim, a, id, userId)));
        app.MapGet("/api/v4/groups/{id}/members/all/{userId}", (HttpContext c, string id, string userId) => Endpoint.RunAsync(c, sim, (_, a) => GroupMember(sim, a, id, userId)));
    }

    private static ApiResult ListProjects(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor)
    {
        var store = sim.Store;
        var search = p.Get("search");
        var projects = store.Projects.Values
            .Where(pr => actor.User.IsAdmin || store.MembershipOf(actor.User, pr) is not null)
            .Where(pr => search is null || pr.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || pr.PathWithNamespace.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(pr => pr.Id)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, projects, page, perPage).Select(pr => (JsonNode)sim.Json.Project(pr))]));
    }

    private static ApiResult ListGroups(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor)
    {
        var store = sim.Store;
        var search = p.Get("search");
        var groups = store.Groups.Values
            .Where(g => Visibility.CanSee(store, actor.User, g))
            .Where(g => search is null || g.FullPath.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Id)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, groups, page, perPage).Select(g => (JsonNode)sim.Json.Group(g))]));
    }

    private static ApiResult GroupProjects(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var projects = store.ProjectsOf(group, p.Bool("include_subgroups") == true)
            .Where(pr => actor.User.IsAdmin || store.MembershipOf(actor.User, pr) is not null)
            .OrderByDescending(pr => pr.Id)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, projects, page, perPage).Select(pr => (JsonNode)sim.Json.Project(pr))]));
    }

    private static ApiResult Member(SimulatorServices sim, RequestActor actor, string id, string userId)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        return long.TryParse(userId, out var uid) && store.Users.TryGetValue(uid, out var user) && store.MembershipOf(user, project) is { } level
            ? ApiResult.Ok(sim.Json.Member(user, level))
            : ApiResult.Message(StatusCodes.Status404NotFound, "404 Not found");
    }

    private static ApiResult GroupMember(SimulatorServices sim, RequestActor actor, string id, string userId)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        return long.TryParse(userId, out var uid) && store.Users.TryGetValue(uid, out var user) && store.MembershipOf(user, group) is { } level
            ? ApiResult.Ok(sim.Json.Member(user, level))
            : ApiResult.Message(StatusCodes.Status404NotFound, "404 Not found");
    }
}

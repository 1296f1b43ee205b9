using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>Project and group milestones: list (<c>include_ancestors</c>, <c>state</c>, <c>title</c>), get, create, edit.</summary>
internal static class MilestonesEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/projects/{id}/milestones", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListProject(c, sim, p, a, id)));
        app.MapGet("/api/v4/groups/{id}/milestones", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListGroup(c, sim, p, a, id)));
        app.MapGet("/api/v4/projects/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: false, minimum: AccessLevel.None, (_, _, own) => Get(sim, own, milestoneId))));
        app.MapGet("/api/v4/groups/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: true, minimum: AccessLevel.None, (_, _, own) => Get(sim, own, milestoneId))));
        app.MapPost("/api/v4/projects/{id}/milestones", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: false, AccessLevel.Reporter, (g, pr, own) => Create(sim, p, g, pr, own))));
        app.MapPost("/api/v4/groups/{id}/milestones", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: true, AccessLevel.Reporter, (g, pr, own) => Create(sim, p, g, pr, own))));
        app.MapPut("/api/v4/projects/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: false, AccessLevel.Reporter, (_, _, own) => Edit(sim, p, own, milestoneId))));
        app.MapDelete("/api/v4/projects/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: false, AccessLevel.Reporter, (_, _, own) => Delete(sim, own, milestoneId))));
        app.MapDelete("/api/v4/groups/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: true, AccessLevel.Reporter, (_, _, own) => Delete(sim, own, milestoneId))));
        app.MapPut("/api/v4/groups/{id}/milestones/{milestoneId}", (HttpContext c, string id, string milestoneId) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: true, AccessLevel.Reporter, (_, _, own) => Edit(sim, p, own, milestoneId))));
    }

    private static ApiResult ListProject(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        var ancestors = p.Bool("include_ancestors") == true || p.Bool("include_parent_milestones") == true;
        var groupIds = ancestors ? store.SelfAndAncestors(project.Namespace).Select(g => g.Id).ToHashSet() : [];
        var milestones = store.Milestones.Values.Where(m => m.ProjectId == project.Id || (m.GroupId is { } g && groupIds.Contains(g)));
        return Page(context, sim, p, milestones);
    }

    private static ApiResult ListGroup(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var groupIds = p.Bool("include_ancestors") == true || p.Bool("include_parent_milestones") == true
            ? store.SelfAndAncestors(group).Select(g => g.Id).ToHashSet()
            : [group.Id];
        var projectIds = new HashSet<long>();
        if (p.Bool("include_descendants") == true)
        {
            groupIds.UnionWith(store.Groups.Values.Where(g => store.IsDescendantOrSelf(g, group)).Select(g => g.Id));
            projectIds.UnionWith(store.ProjectsOf(group, includeSubgroups: true).Select(pr => pr.Id));
        }

        var milestones = store.Milestones.Values.Where(m => (m.GroupId is { } g && groupIds.Contains(g)) || (m.ProjectId is { } pid && projectIds.Contains(pid)));
        return Page(context, sim, p, milestones);
    }

    private static ApiResult Page(HttpContext context, SimulatorServices sim, RequestParameters p, IEnumerable<SimMilestone> milestones)
    {
        var state = p.Get("state");
        if (state is not (null or "active" or "closed"))
        {
            return ApiResult.ParameterError("state does not have a valid value");
        }

        var title = p.Get("title");
        var search = p.Get("search");
        var iids = p.All("iids").Select(v => long.TryParse(v, out var n) ? n : -1).ToHashSet();
        // GitLab lists milestones by due date, soonest first, undated last.
        var list = milestones
            .Where(m => state is null || m.State == state)
            .Where(m => title is null || m.Title == title)
            .Where(m => search is null || m.Title.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(m => iids.Count == 0 || iids.Contains(m.Iid))
            .OrderBy(m => m.DueDate is null)
            .ThenBy(m => m.DueDate)
            .ThenBy(m => m.Id)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        var slice = Pagination.Slice(context, list, page, perPage);
        return ApiResult.Ok(new JsonArray([.. slice.Select(m => (JsonNode)sim.Json.Milestone(m))]));
    }

    private static ApiResult WithOwner(SimulatorServices sim, RequestActor actor, string id, bool isGroup, int minimum, Func<SimGroup?, SimProject?, Func<SimMilestone, bool>, ApiResult> then)
    {
        var store = sim.Store;
        if (isGroup)
        {
            if (Visibility.Group(store, actor.User, id) is not { } group)
            {
                return ApiResult.NotFound("Group");
            }

            return store.AccessOf(actor.User, group) < minimum ? ApiResult.Forbidden : then(group, null, m => m.GroupId == group.Id);
        }

        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        return store.AccessOf(actor.User, project) < minimum ? ApiResult.Forbidden : then(null, project, m => m.ProjectId == project.Id);
    }

    private static ApiResult Get(SimulatorServices sim, Func<SimMilestone, bool> owns, string milestoneId) =>
        long.TryParse(milestoneId, out var mid) && sim.Store.Milestones.TryGetValue(mid, out var milestone) && owns(milestone)
            ? ApiResult.Ok(sim.Json.Milestone(milestone))
            : ApiResult.NotFound("Milestone");

    /// <summary>
    /// GitLab's <c>delete ":id/milestones/:milestone_id"</c> (admin_milestone): Milestones::DestroyService
    /// takes the milestone off its issues and removes it; 204.
    /// </summary>
    private static ApiResult Delete(SimulatorServices sim, Func<SimMilestone, bool> owns, string milestoneId)
    {
        var store = sim.Store;
        if (!long.TryParse(milestoneId, out var mid) || !store.Milestones.TryGetValue(mid, out var milestone) || !owns(milestone))
        {
            return ApiResult.NotFound("Milestone");
        }

        foreach (var issue in store.Issues.Values.Where(i => i.MilestoneId == mid))
        {
            issue.MilestoneId = null;
        }

        store.Milestones.Remove(mid);
        return ApiResult.NoContent;
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, SimGroup? group, SimProject? project, Func<SimMilestone, bool> owns)
    {
        if (p.Get("title") is not { Length: > 0 } title)
        {
            return ApiResult.ParameterError("title is missing");
        }

        if (sim.Store.Milestones.Values.Any(m => owns(m) && m.Title == title))
        {
            return ApiResult.Message(StatusCodes.Status400BadRequest, new JsonObject { ["title"] = new JsonArray("has already been taken") });
        }

        if (!TryDate(p, "start_date", out var start) || !TryDate(p, "due_date", out var due))
        {
            return ApiResult.ParameterError("start_date or due_date is invalid");
        }

        var milestone = sim.Store.AddMilestone(group, project, title, start, due, p.Get("description"));
        return ApiResult.Created(sim.Json.Milestone(milestone));
    }

    private static ApiResult Edit(SimulatorServices sim, RequestParameters p, Func<SimMilestone, bool> owns, string milestoneId)
    {
        if (!long.TryParse(milestoneId, out var mid) || !sim.Store.Milestones.TryGetValue(mid, out var milestone) || !owns(milestone))
        {
            return ApiResult.NotFound("Milestone");
        }

        if (p.Get("state_event") is { } stateEvent && stateEvent is not ("close" or "activate"))
        {
            return ApiResult.ParameterError("state_event does not have a valid value");
        }

        if (!TryDate(p, "start_date", out var start) || !TryDate(p, "due_date", out var due))
        {
            return ApiResult.ParameterError("start_date or due_date is invalid");
        }

        if (p.Get("title") is { Length: > 0 } title && title != milestone.Title)
        {
            if (sim.Store.Milestones.Values.Any(m => owns(m) && m.Title == title))
            {
                return ApiResult.Message(StatusCodes.Status400BadRequest, new JsonObject { ["title"] = new JsonArray("has already been taken") });
            }

            milestone.Title = title;
        }

        if (p.Has("description"))
        {
            milestone.Description = p.Get("description");
        }

        if (p.Has("start_date"))
        {
            milestone.StartDate = start;
        }

        if (p.Has("due_date"))
        {
            milestone.DueDate = due;
        }

        milestone.State = p.Get("state_event") switch
        {
            "close" => "closed",
            "activate" => "active",
            _ => milestone.State,
        };
        milestone.UpdatedAt = sim.Store.Now;
        return ApiResult.Ok(sim.Json.Milestone(milestone));
    }

    private static bool TryDate(RequestParameters p, string name, out DateOnly? value)
    {
        value = null;
        if (p.Get(name) is not { Length: > 0 } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            return false;
        }

        value = date;
        return true;
    }
}

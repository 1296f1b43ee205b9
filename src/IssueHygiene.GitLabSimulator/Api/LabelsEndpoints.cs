using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>Project and group labels: list (with ancestors), get, create, update (incl. <c>new_name</c>), delete.</summary>
internal static class LabelsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/projects/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListProject(c, sim, p, a, id)));
        app.MapGet("/api/v4/groups/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListGroup(c, sim, p, a, id)));
        app.MapPost("/api/v4/projects/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Create(sim, p, a, id, isGroup: false)));
        app.MapPost("/api/v4/groups/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Create(sim, p, a, id, isGroup: true)));
        app.MapPut("/api/v4/projects/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (p, a) => Update(sim, p, a, id, labelId, isGroup: false)));
        app.MapPut("/api/v4/projects/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Update(sim, p, a, id, p.Get("name") ?? p.Get("label_id") ?? "", isGroup: false)));
        app.MapPut("/api/v4/groups/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (p, a) => Update(sim, p, a, id, labelId, isGroup: true)));
        app.MapPut("/api/v4/groups/{id}/labels", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Update(sim, p, a, id, p.Get("name") ?? p.Get("label_id") ?? "", isGroup: true)));
        app.MapGet("/api/v4/projects/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (_, a) => GetProjectLabel(sim, a, id, labelId)));
        app.MapGet("/api/v4/groups/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (_, a) => GetGroupLabel(sim, a, id, labelId)));
        app.MapDelete("/api/v4/projects/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (_, a) => Delete(sim, a, id, labelId, isGroup: false)));
        app.MapDelete("/api/v4/groups/{id}/labels/{labelId}", (HttpContext c, string id, string labelId) => Endpoint.RunAsync(c, sim, (_, a) => Delete(sim, a, id, labelId, isGroup: true)));
    }

    private static ApiResult ListProject(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        var labels = p.Bool("include_ancestor_groups") == false ? project.Labels.Values : store.AvailableLabels(project);
        return Page(context, sim, p, labels, [project.Id], forProject: true);
    }

    private static ApiResult ListGroup(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var groups = p.Bool("include_ancestor_groups") == false ? [group] : store.SelfAndAncestors(group).ToList();
        if (p.Bool("include_descendant_groups") == true)
        {
            groups.AddRange(store.Groups.Values.Where(g => g.Id != group.Id && store.IsDescendantOrSelf(g, group)));
        }

        var projectIds = store.ProjectsOf(group, includeSubgroups: true).Select(pr => pr.Id).ToList();
        return Page(context, sim, p, groups.SelectMany(g => g.Labels.Values), projectIds, forProject: false);
    }

    private static ApiResult Page(HttpContext context, SimulatorServices sim, RequestParameters p, IEnumerable<SimLabel> labels, IReadOnlyList<long> countIn, bool forProject)
    {
        var search = p.Get("search");
        var list = labels
            .Where(l => search is null || l.Title.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.Title, StringComparer.Ordinal)
            .ToList();
        var (page, perPage) = Pagination.Read(p);
        var slice = Pagination.Slice(context, list, page, perPage);
        var counts = Count(sim.Store, countIn, slice);
        return ApiResult.Ok(new JsonArray([.. slice.Select(l => (JsonNode)GitLabJson.Label(l, counts.GetValueOrDefault(l.Id), forProject))]));
    }

    private static Dictionary<long, (int Open, int Closed)> Count(SimulatorStore store, IReadOnlyList<long> projectIds, List<SimLabel> labels)
    {
        var wanted = labels.Select(l => l.Id).ToHashSet();
        var counts = wanted.ToDictionary(id => id, _ => (Open: 0, Closed: 0));
        foreach (var issue in projectIds.SelectMany(id => store.Projects[id].Issues))
        {
            foreach (var labelId in issue.LabelIds)
            {
                if (counts.TryGetValue(labelId, out var c))
                {
                    counts[labelId] = issue.IsOpen ? (c.Open + 1, c.Closed) : (c.Open, c.Closed + 1);
                }
            }
        }

        return counts;
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, RequestActor actor, string id, bool isGroup)
    {
        var store = sim.Store;
        if (p.Get("name") is not { Length: > 0 } name)
        {
            return ApiResult.ParameterError("name is missing");
        }

        if (p.Get("color") is not { Length: > 0 } color)
        {
            return ApiResult.ParameterError("color is missing");
        }

        SimLabel label;
        if (isGroup)
        {
            if (Visibility.Group(store, actor.User, id) is not { } group)
            {
                return ApiResult.NotFound("Group");
            }

            if (store.AccessOf(actor.User, group) < AccessLevel.Reporter)
            {
                return ApiResult.Forbidden;
            }

            if (group.Labels.ContainsKey(name))
            {
                return ApiResult.Message(StatusCodes.Status409Conflict, "Label already exists");
            }

            label = store.AddGroupLabel(group, name, color, p.Get("description"));
        }
        else
        {
            if (Visibility.Project(store, actor.User, id) is not { } project)
            {
                return ApiResult.NotFound("Project");
            }

            if (store.AccessOf(actor.User, project) < AccessLevel.Reporter)
            {
                return ApiResult.Forbidden;
            }

            if (project.Labels.ContainsKey(name))
            {
                return ApiResult.Message(StatusCodes.Status409Conflict, "Label already exists");
            }

            label = store.AddProjectLabel(project, name, color, p.Get("description"));
            label.Priority = p.Long("priority") is { } priority ? (int)priority : null;
        }

        return ApiResult.Created(GitLabJson.Label(label, (0, 0), forProject: !isGroup));
    }

    private static ApiResult Update(SimulatorServices sim, RequestParameters p, RequestActor actor, string id, string labelRef, bool isGroup)
    {
        var store = sim.Store;
        var (refused, owner, label) = OwnLabel(store, actor, id, labelRef, isGroup);
        if (refused is not null)
        {
            return refused;
        }

        if (!p.Has("new_name") && !p.Has("color") && !p.Has("description") && !p.Has("priority"))
        {
            return ApiResult.ParameterError("new_name, color, description, priority are missing, at least one parameter must be provided");
        }

        if (p.Get("new_name") is { Length: > 0 } newName && newName != label.Title)
        {
            if (owner.ContainsKey(newName))
            {
                return ApiResult.Message(StatusCodes.Status400BadRequest, new JsonObject { ["title"] = new JsonArray("has already been taken") });
            }

            // Issues hold label ids, so a rename shows on every issue at once, as in GitLab.
            owner.Remove(label.Title);
            label.Title = newName;
            owner.Add(newName, label);
        }

        if (p.Get("color") is { Length: > 0 } color)
        {
            label.Color = color;
        }

        if (p.Has("description"))
        {
            label.Description = p.Get("description");
        }

        if (p.Has("priority"))
        {
            label.Priority = p.Long("priority") is { } priority ? (int)priority : null;
        }

        label.UpdatedAt = store.Now;
        return ApiResult.Ok(GitLabJson.Label(label, null, forProject: !isGroup));
    }

    /// <summary>lib/api/labels.rb <c>get ':id/labels/:name'</c>: by title or id, the project's own labels or its ancestors' (include_ancestor_groups defaults to true).</summary>
    private static ApiResult GetProjectLabel(SimulatorServices sim, RequestActor actor, string id, string labelRef)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        var decoded = Uri.UnescapeDataString(labelRef);
        var label = store.FindLabel(project, decoded)
            ?? (long.TryParse(decoded, out var labelId) ? store.AvailableLabels(project).FirstOrDefault(l => l.Id == labelId) : null);
        return label is null
            ? ApiResult.NotFound("Label")
            : ApiResult.Ok(GitLabJson.Label(label, Count(store, [project.Id], [label]).GetValueOrDefault(label.Id), forProject: true));
    }

    /// <summary>lib/api/group_labels.rb <c>get ':id/labels/:name'</c>: the group's own labels or its ancestors'.</summary>
    private static ApiResult GetGroupLabel(SimulatorServices sim, RequestActor actor, string id, string labelRef)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var decoded = Uri.UnescapeDataString(labelRef);
        var candidates = store.SelfAndAncestors(group).SelectMany(g => g.Labels.Values).ToList();
        var label = candidates.FirstOrDefault(l => l.Title == decoded)
            ?? (long.TryParse(decoded, out var labelId) ? candidates.FirstOrDefault(l => l.Id == labelId) : null);
        var projectIds = store.ProjectsOf(group, includeSubgroups: true).Select(pr => pr.Id).ToList();
        return label is null
            ? ApiResult.NotFound("Label")
            : ApiResult.Ok(GitLabJson.Label(label, Count(store, projectIds, [label]).GetValueOrDefault(label.Id), forProject: false));
    }

    /// <summary>
    /// The label <paramref name="labelRef"/> (title or id) of the group or project itself, for those who may administer
    /// labels there (<c>admin_label</c>: Reporter and up); otherwise the answer GitLab gives (404 owner or label, 403).
    /// </summary>
    private static (ApiResult? Refused, Dictionary<string, SimLabel> Owner, SimLabel Label) OwnLabel(
        SimulatorStore store, RequestActor actor, string id, string labelRef, bool isGroup)
    {
        Dictionary<string, SimLabel> owner;
        if (isGroup)
        {
            if (Visibility.Group(store, actor.User, id) is not { } group)
            {
                return (ApiResult.NotFound("Group"), [], null!);
            }

            if (store.AccessOf(actor.User, group) < AccessLevel.Reporter)
            {
                return (ApiResult.Forbidden, [], null!);
            }

            owner = group.Labels;
        }
        else
        {
            if (Visibility.Project(store, actor.User, id) is not { } project)
            {
                return (ApiResult.NotFound("Project"), [], null!);
            }

            if (store.AccessOf(actor.User, project) < AccessLevel.Reporter)
            {
                return (ApiResult.Forbidden, [], null!);
            }

            owner = project.Labels;
        }

        var decoded = Uri.UnescapeDataString(labelRef);
        var label = owner.GetValueOrDefault(decoded)
            ?? (long.TryParse(decoded, out var labelId) ? owner.Values.FirstOrDefault(l => l.Id == labelId) : null);
        return label is null ? (ApiResult.NotFound("Label"), owner, null!) : (null, owner, label);
    }

    /// <summary>
    /// lib/api/labels.rb / group_labels.rb <c>delete ':id/labels/:name'</c>: the owner's own label only
    /// (a project cannot delete its group's), <c>admin_label</c> (Reporter and up), 204; the label
    /// leaves every issue that carried it.
    /// </summary>
    private static ApiResult Delete(SimulatorServices sim, RequestActor actor, string id, string labelRef, bool isGroup)
    {
        var store = sim.Store;
        var (refused, owner, label) = OwnLabel(store, actor, id, labelRef, isGroup);
        if (refused is not null)
        {
            return refused;
        }

        owner.Remove(label.Title);
        store.Labels.Remove(label.Id);
        foreach (var issue in store.Issues.Values)
        {
            issue.LabelIds.Remove(label.Id);
        }

        return ApiResult.NoContent;
    }
}

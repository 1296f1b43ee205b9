using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Project and group webhooks (maintainers and up): list, get, add, edit, delete, as GitLab's
/// lib/api/project_hooks.rb and group_hooks.rb. The token is stored and sent, never shown.
/// </summary>
internal static class HooksEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/projects/{id}/hooks", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: false, (_, _, owns) => List(c, sim, p, owns))));
        app.MapGet("/api/v4/groups/{id}/hooks", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: true, (_, _, owns) => List(c, sim, p, owns))));
        app.MapPost("/api/v4/projects/{id}/hooks", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: false, (g, pr, _) => Create(sim, p, g, pr))));
        app.MapPost("/api/v4/groups/{id}/hooks", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: true, (g, pr, _) => Create(sim, p, g, pr))));
        app.MapGet("/api/v4/projects/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: false, (_, _, owns) => Get(sim, owns, hookId))));
        app.MapGet("/api/v4/groups/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: true, (_, _, owns) => Get(sim, owns, hookId))));
        app.MapPut("/api/v4/projects/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: false, (_, _, owns) => Edit(sim, p, owns, hookId))));
        app.MapPut("/api/v4/groups/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (p, a) => WithOwner(sim, a, id, isGroup: true, (_, _, owns) => Edit(sim, p, owns, hookId))));
        app.MapDelete("/api/v4/projects/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: false, (_, _, owns) => Delete(sim, owns, hookId))));
        app.MapDelete("/api/v4/groups/{id}/hooks/{hookId}", (HttpContext c, string id, string hookId) => Endpoint.RunAsync(c, sim, (_, a) => WithOwner(sim, a, id, isGroup: true, (_, _, owns) => Delete(sim, owns, hookId))));
    }

    private static ApiResult WithOwner(SimulatorServices sim, RequestActor actor, string id, bool isGroup, Func<SimGroup?, SimProject?, Func<SimHook, bool>, ApiResult> then)
    {
        var store = sim.Store;
        if (isGroup)
        {
            if (Visibility.Group(store, actor.User, id) is not { } group)
            {
                return ApiResult.NotFound("Group");
            }

            return store.AccessOf(actor.User, group) < AccessLevel.Maintainer ? ApiResult.Forbidden : then(group, null, h => h.GroupId == group.Id);
        }

        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        return store.AccessOf(actor.User, project) < AccessLevel.Maintainer ? ApiResult.Forbidden : then(null, project, h => h.ProjectId == project.Id);
    }

    private static ApiResult List(HttpContext context, SimulatorServices sim, RequestParameters p, Func<SimHook, bool> owns)
    {
        var hooks = sim.Store.Hooks.Where(owns).ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, hooks, page, perPage).Select(h => (JsonNode)GitLabJson.Hook(h))]));
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, SimGroup? group, SimProject? project)
    {
        if (p.Get("url") is not { Length: > 0 } url)
        {
            return ApiResult.ParameterError("url is missing");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new ApiResult(StatusCodes.Status422UnprocessableEntity, new JsonObject { ["error"] = "Invalid url given" });
        }

        var hook = sim.Store.AddHook(new SimHook
        {
            Id = 0,
            Url = uri,
            Token = p.Get("token") is { Length: > 0 } token ? token : null,
            ProjectId = project?.Id,
            GroupId = group?.Id,
            IssuesEvents = p.Bool("issues_events") ?? false,
            ConfidentialIssuesEvents = p.Bool("confidential_issues_events") ?? false,
            NoteEvents = p.Bool("note_events") ?? false,
            ConfidentialNoteEvents = p.Bool("confidential_note_events") ?? false,
            MergeRequestsEvents = p.Bool("merge_requests_events") ?? false,
            CreatedAt = sim.Store.Now,
        });
        return ApiResult.Created(GitLabJson.Hook(hook));
    }

    private static SimHook? Find(SimulatorServices sim, Func<SimHook, bool> owns, string hookId) =>
        long.TryParse(hookId, out var id) ? sim.Store.Hooks.FirstOrDefault(h => h.Id == id && owns(h)) : null;

    private static ApiResult Get(SimulatorServices sim, Func<SimHook, bool> owns, string hookId) =>
        Find(sim, owns, hookId) is { } hook ? ApiResult.Ok(GitLabJson.Hook(hook)) : ApiResult.NotFound("Hook");

    /// <summary>GitLab's <c>put ":id/hooks/:hook_id"</c>: the given attributes change, the others stay; a bad url is 422.</summary>
    private static ApiResult Edit(SimulatorServices sim, RequestParameters p, Func<SimHook, bool> owns, string hookId)
    {
        if (Find(sim, owns, hookId) is not { } hook)
        {
            return ApiResult.NotFound("Hook");
        }

        if (p.Get("url") is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return new ApiResult(StatusCodes.Status422UnprocessableEntity, new JsonObject { ["error"] = "Invalid url given" });
            }

            hook.Url = uri;
        }

        if (p.Has("token"))
        {
            hook.Token = p.Get("token") is { Length: > 0 } token ? token : null;
        }

        hook.IssuesEvents = p.Bool("issues_events") ?? hook.IssuesEvents;
        hook.ConfidentialIssuesEvents = p.Bool("confidential_issues_events") ?? hook.ConfidentialIssuesEvents;
        hook.NoteEvents = p.Bool("note_events") ?? hook.NoteEvents;
        hook.ConfidentialNoteEvents = p.Bool("confidential_note_events") ?? hook.ConfidentialNoteEvents;
        hook.MergeRequestsEvents = p.Bool("merge_requests_events") ?? hook.MergeRequestsEvents;
        return ApiResult.Ok(GitLabJson.Hook(hook));
    }

    private static ApiResult Delete(SimulatorServices sim, Func<SimHook, bool> owns, string hookId)
    {
        var hook = long.TryParse(hookId, out var id) ? sim.Store.Hooks.FirstOrDefault(h => h.Id == id && owns(h)) : null;
        if (hook is null)
        {
            return ApiResult.NotFound("Hook");
        }

        sim.Store.Hooks.Remove(hook);
        return ApiResult.NoContent;
    }
}

using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Merge requests as GitLab's REST API serves them (doc/api/merge_requests.md): project and group lists with
/// <c>state</c>, <c>updated_after</c>, <c>order_by</c>/<c>sort</c> and offset pagination; one MR; its diffs
/// (paginated); create, update (reviewers, labels, close/reopen, "Draft:" title), approve and merge, each firing a
/// Merge Request Hook (<c>open</c>, <c>update</c>, <c>close</c>, <c>reopen</c>, <c>approved</c>, <c>merge</c>).
/// A new MR's files are the ones pushed to its source branch (<see cref="SimulatedGitLab.PushBranch"/>).
/// </summary>
internal static class MergeRequestsEndpoints
{
    private const string ProjectPath = "/api/v4/projects/{id}/merge_requests";
    private const string OnePath = ProjectPath + "/{iid}";

    private static readonly string[] States = ["opened", "closed", "locked", "merged", "all"];

    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet(ProjectPath, (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListProject(c, sim, p, a, id)));
        app.MapGet("/api/v4/groups/{id}/merge_requests", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => ListGroup(c, sim, p, a, id)));
        app.MapPost(ProjectPath, (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Create(sim, p, a, id)));
        app.MapGet(OnePath, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (_, a) => With(sim, a, id, iid, mr => ApiResult.Ok(sim.Json.MergeRequest(mr)))));
        app.MapPut(OnePath, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => With(sim, a, id, iid, mr => Update(sim, p, a, mr))));
        app.MapGet(OnePath + "/diffs", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => With(sim, a, id, iid, mr =>
        {
            var (page, perPage) = Pagination.Read(p);
            return ApiResult.Ok(new JsonArray([.. Pagination.Slice(c, mr.Changes, page, perPage).Select(change => (JsonNode)GitLabJson.MergeRequestDiff(change))]));
        })));
        app.MapPost(OnePath + "/approve", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (_, a) => With(sim, a, id, iid, mr => Approve(sim, a, mr))));
        app.MapPut(OnePath + "/merge", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (_, a) => With(sim, a, id, iid, mr => Merge(sim, a, mr))));
        MergeRequestNotesEndpoints.Map(app, sim, OnePath);
    }

    /// <summary>Runs <paramref name="then"/> on the MR the path names, or answers 404 as GitLab does.</summary>
    public static ApiResult With(SimulatorServices sim, RequestActor actor, string id, string iid, Func<SimMergeRequest, ApiResult> then) =>
        Visibility.Project(sim.Store, actor.User, id) is not { } project ? ApiResult.NotFound("Project")
        : !long.TryParse(iid, out var number) || sim.Store.FindMergeRequest(project, number) is not { } mr ? ApiResult.NotFound("Merge Request")
        : then(mr);

    private static ApiResult ListProject(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id) =>
        Visibility.Project(sim.Store, actor.User, id) is { } project
            ? List(context, sim, p, sim.Store.MergeRequestsOf(project))
            : ApiResult.NotFound("Project");

    private static ApiResult ListGroup(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Group(store, actor.User, id) is not { } group)
        {
            return ApiResult.NotFound("Group");
        }

        var visible = store.ProjectsOf(group, includeSubgroups: true).Where(project => actor.User.IsAdmin || store.MembershipOf(actor.User, project) is not null);
        return List(context, sim, p, [.. visible.SelectMany(store.MergeRequestsOf)]);
    }

    private static ApiResult List(HttpContext context, SimulatorServices sim, RequestParameters p, IReadOnlyList<SimMergeRequest> all)
    {
        var state = p.Get("state") ?? "all";
        if (!States.Contains(state))
        {
            return ApiResult.ParameterError("state does not have a valid value");
        }

        if (p.Get("order_by") is { } orderBy && orderBy is not ("created_at" or "updated_at" or "title" or "merged_at"))
        {
            return ApiResult.ParameterError("order_by does not have a valid value");
        }

        if (p.Get("sort") is { } sort && sort is not ("asc" or "desc"))
        {
            return ApiResult.ParameterError("sort does not have a valid value");
        }

        DateTimeOffset? updatedAfter = null;
        if (p.Get("updated_after") is { } after)
        {
            if (!GitLabTime.TryParse(after, out var parsed))
            {
                return ApiResult.ParameterError("updated_after is invalid");
            }

            updatedAfter = parsed;
        }

        var matching = all.Where(mr => (state == "all" || mr.State == state) && (updatedAfter is null || mr.UpdatedAt >= updatedAfter));
        Func<SimMergeRequest, DateTimeOffset> key = p.Get("order_by") == "updated_at" ? mr => mr.UpdatedAt : mr => mr.CreatedAt;
        var ordered = p.Get("sort") == "asc"
            ? matching.OrderBy(key).ThenBy(mr => mr.Id).ToList()
            : matching.OrderByDescending(key).ThenByDescending(mr => mr.Id).ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, ordered, page, perPage).Select(mr => (JsonNode)sim.Json.MergeRequest(mr))]));
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (p.Get("source_branch") is not { Length: > 0 } source || p.Get("target_branch") is not { Length: > 0 } target)
        {
            return ApiResult.ParameterError("source_branch, target_branch are missing, at least one parameter must be provided");
        }

        if (p.Get("title") is not { Length: > 0 } title)
        {
            return ApiResult.ParameterError("title is missing");
        }

        var changes = store.BranchChanges.GetValueOrDefault((project.Id, source), []);
        var mr = store.AddMergeRequest(project, title, actor.User.Id, changes, draft: IsDraftTitle(title), sourceBranch: source, targetBranch: target);
        if (p.Get("description") is { } description)
        {
            mr.Description = description;
        }

        mr.ReviewerIds.AddRange(ReviewerIds(store, p) ?? []);
        mr.Labels.AddRange(p.CommaList("labels"));
        Publish(sim, actor, mr, "open");
        return ApiResult.Created(sim.Json.MergeRequest(mr));
    }

    private static ApiResult Update(SimulatorServices sim, RequestParameters p, RequestActor actor, SimMergeRequest mr)
    {
        var store = sim.Store;
        if (store.AccessOf(actor.User, mr.Project) < AccessLevel.Developer && actor.User.Id != mr.AuthorId)
        {
            return ApiResult.Forbidden;
        }

        string? action = null;
        if (p.Get("title") is { Length: > 0 } title && title != mr.Title)
        {
            mr.Title = title;
            mr.Draft = IsDraftTitle(title);
            action = "update";
        }

        if (p.Get("description") is { } description && description != mr.Description)
        {
            mr.Description = description;
            action = "update";
        }

        if (ReviewerIds(store, p) is { } reviewers)
        {
            mr.ReviewerIds.Clear();
            mr.ReviewerIds.AddRange(reviewers);
            action = "update";
        }

        foreach (var label in p.CommaList("add_labels").Where(l => !mr.Labels.Contains(l)))
        {
            mr.Labels.Add(label);
            action = "update";
        }

        if (p.CommaList("remove_labels") is { Count: > 0 } remove)
        {
            mr.Labels.RemoveAll(remove.Contains);
            action = "update";
        }

        switch (p.Get("state_event"))
        {
            case "close" when mr.State == "opened":
                mr.State = "closed";
                mr.ClosedAt = store.Now;
                action = "close";
                break;
            case "reopen" when mr.State == "closed":
                mr.State = "opened";
                mr.ClosedAt = null;
                action = "reopen";
                break;
        }

        if (action is not null)
        {
            Publish(sim, actor, mr, action);
        }

        return ApiResult.Ok(sim.Json.MergeRequest(mr));
    }

    private static ApiResult Approve(SimulatorServices sim, RequestActor actor, SimMergeRequest mr)
    {
        if (mr.State != "opened" || mr.ApprovedByIds.Contains(actor.User.Id))
        {
            return ApiResult.Message(StatusCodes.Status401Unauthorized, "401 Unauthorized");
        }

        mr.ApprovedByIds.Add(actor.User.Id);
        Publish(sim, actor, mr, "approved");
        return ApiResult.Created(new JsonObject
        {
            ["id"] = mr.Id,
            ["iid"] = mr.Iid,
            ["project_id"] = mr.Project.Id,
            ["approved"] = true,
            ["approved_by"] = new JsonArray([.. mr.ApprovedByIds.Select(id => (JsonNode)new JsonObject { ["user"] = sim.Json.User(sim.Store.Users[id]) })]),
        });
    }

    private static ApiResult Merge(SimulatorServices sim, RequestActor actor, SimMergeRequest mr)
    {
        var store = sim.Store;
        if (store.AccessOf(actor.User, mr.Project) < AccessLevel.Developer)
        {
            return ApiResult.Message(StatusCodes.Status401Unauthorized, "401 Unauthorized");
        }

        // GitLab: 405 when the MR cannot be merged (draft, closed, already merged).
        if (mr.State != "opened" || mr.Draft)
        {
            return ApiResult.Message(StatusCodes.Status405MethodNotAllowed, "405 Method Not Allowed");
        }

        mr.State = "merged";
        mr.MergeUserId = actor.User.Id;
        mr.MergedAt = store.Now;
        Publish(sim, actor, mr, "merge");
        return ApiResult.Ok(sim.Json.MergeRequest(mr));
    }

    /// <summary>Touches the MR and fires its Merge Request Hook.</summary>
    public static void Publish(SimulatorServices sim, RequestActor actor, SimMergeRequest mr, string action)
    {
        mr.UpdatedAt = sim.Store.Now;
        var e = new WebhookEvent(WebhookEventKind.MergeRequest, false, mr.Project, sim.Payloads.MergeRequestHook(mr, actor.User, action));
        sim.Webhooks.Publish(sim.Store, [e], actor.EventUuid);
    }

    private static List<long>? ReviewerIds(State.SimulatorStore store, RequestParameters p)
    {
        if (!p.Has("reviewer_ids") && !p.Has("reviewer_ids[]"))
        {
            return null;
        }

        return [.. p.CommaList("reviewer_ids").Concat(p.All("reviewer_ids[]"))
            .Select(text => long.TryParse(text, out var userId) ? userId : 0)
            .Where(store.Users.ContainsKey)
            .Distinct()];
    }

    private static bool IsDraftTitle(string title) =>
        title.StartsWith("Draft:", StringComparison.OrdinalIgnoreCase) || title.StartsWith("[Draft]", StringComparison.OrdinalIgnoreCase);
}

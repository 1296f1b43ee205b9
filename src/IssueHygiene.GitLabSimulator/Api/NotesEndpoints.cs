using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.QuickActions;
using IssueHygiene.GitLabSimulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Issue notes. Creating one runs its quick actions as GitLab does: commands only → 202 with
/// <c>commands_changes</c>, no note and no Note Hook; all commands failed → 400; text and
/// commands → 201, the note stored without the command lines.
/// </summary>
internal static class NotesEndpoints
{
    private const string NotesPath = "/api/v4/projects/{id}/issues/{iid}/notes";

    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet(NotesPath, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => List(c, sim, p, a, id, iid)));
        app.MapPost(NotesPath, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => Create(sim, p, a, id, iid)));
        app.MapGet(NotesPath + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (_, a) => WithNote(sim, a, id, iid, noteId, (_, note) => ApiResult.Ok(sim.Json.Note(note)))));
        app.MapPut(NotesPath + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (p, a) => WithNote(sim, a, id, iid, noteId, (project, note) => Update(sim, p, a, project, note))));
        app.MapDelete(NotesPath + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (_, a) => WithNote(sim, a, id, iid, noteId, (project, note) => Delete(sim, a, project, note))));
    }

    private static ApiResult List(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id, string iid)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (Visibility.Issue(store, actor.User, project, iid) is not { } issue)
        {
            return ApiResult.NotFound("Issue");
        }

        if (p.Get("sort") is { } sort && sort is not ("asc" or "desc"))
        {
            return ApiResult.ParameterError("sort does not have a valid value");
        }

        if (p.Get("order_by") is { } orderBy && orderBy is not ("created_at" or "updated_at"))
        {
            return ApiResult.ParameterError("order_by does not have a valid value");
        }

        var seesInternal = store.AccessOf(actor.User, project) >= AccessLevel.Reporter;
        var notes = store.NotesByIssueId.GetValueOrDefault(issue.Id, []).Where(n => seesInternal || !n.Internal);
        Func<SimNote, DateTimeOffset> key = p.Get("order_by") == "updated_at" ? n => n.UpdatedAt : n => n.CreatedAt;
        var ordered = p.Get("sort") == "asc"
            ? notes.OrderBy(key).ThenBy(n => n.Id).ToList()
            : notes.OrderByDescending(key).ThenByDescending(n => n.Id).ToList();
        var (page, perPage) = Pagination.Read(p);
        var slice = Pagination.Slice(context, ordered, page, perPage);
        return ApiResult.Ok(new JsonArray([.. slice.Select(n => (JsonNode)sim.Json.Note(n))]));
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, RequestActor actor, string id, string iid)
    {
        var store = sim.Store;
        var user = actor.User;
        if (Visibility.Project(store, user, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (Visibility.Issue(store, user, project, iid) is not { } issue)
        {
            return ApiResult.NotFound("Issue");
        }

        if (p.Get("body") is not { Length: > 0 } body)
        {
            return ApiResult.ParameterError("body is missing");
        }

        if (GitLabLimits.CheckNote(body) is { } tooLong)
        {
            return tooLong;
        }

        var isInternal = p.Bool("internal") == true || p.Bool("confidential") == true;
        if (isInternal && store.AccessOf(user, project) < AccessLevel.Reporter)
        {
            return ApiResult.Forbidden;
        }

        var parsed = QuickActionParser.Parse(body, QuickActionExecutor.IsKnown);
        var events = new List<WebhookEvent>();
        QuickActionPlan? plan = null;
        if (parsed.Commands.Count > 0)
        {
            plan = QuickActionExecutor.Plan(store, issue, user, parsed.Commands);
            if (parsed.RemainingText.Length == 0 && plan.Succeeded == 0 && plan.Messages.Count == 0)
            {
                return ApiResult.BadRequest(string.Join(" ", plan.Errors));
            }

            if (store.ApplyEdit(issue, plan.Edit, user) is { } change)
            {
                events.Add(IssuesEndpoints.IssueEvent(sim, change));
            }
        }

        if (parsed.RemainingText.Length == 0)
        {
            sim.Webhooks.Publish(store, events, actor.EventUuid);
            return new ApiResult(StatusCodes.Status202Accepted, new JsonObject
            {
                ["commands_changes"] = plan!.CommandsChanges,
                ["summary"] = new JsonArray([.. plan.Messages.Select(m => (JsonNode)JsonValue.Create(m))]),
            });
        }

        var now = store.Now;
        var note = store.InsertNote(issue, parsed.RemainingText, user.Id, isInternal, isSystem: false, now);
        // A comment touches its issue (GitLab's `touch: true`), which matters to updated_after sweeps.
        store.Touch(issue, now);
        events.Add(new WebhookEvent(WebhookEventKind.Note, isInternal || issue.Confidential, project, sim.Payloads.NoteHook(note, user, "create")));
        sim.Webhooks.Publish(store, events, actor.EventUuid);
        var json = sim.Json.Note(note);
        if (plan is not null)
        {
            json["commands_changes"] = plan.CommandsChanges;
        }

        return ApiResult.Created(json);
    }

    private static ApiResult Update(SimulatorServices sim, RequestParameters p, RequestActor actor, SimProject project, SimNote note)
    {
        if (NoteEditRequest.Refusal(note.System, note.AuthorId, actor, p, out var body) is { } refused)
        {
            return refused;
        }

        // GitLab's Notes::UpdateService#execute runs the edited body's quick actions like a new
        // note's; a body of commands only applies them, deletes the note and, the note now being
        // blank, the API (NotesHelpers#update_note) answers 400 "Failed to save note ...".
        var store = sim.Store;
        var issue = note.Issue;
        var parsed = QuickActionParser.Parse(body, QuickActionExecutor.IsKnown);
        var events = new List<WebhookEvent>();
        if (parsed.Commands.Count > 0)
        {
            var plan = QuickActionExecutor.Plan(store, issue, actor.User, parsed.Commands);
            if (plan.Succeeded > 0 && store.ApplyEdit(issue, plan.Edit, actor.User) is { } change)
            {
                events.Add(IssuesEndpoints.IssueEvent(sim, change));
            }
        }

        if (parsed.RemainingText.Length == 0)
        {
            store.RemoveNote(note);
            sim.Webhooks.Publish(store, events, actor.EventUuid);
            return ApiResult.BadRequest("Failed to save note {:note=>[\"can't be blank\"]}");
        }

        if (parsed.RemainingText != note.Body)
        {
            note.Body = parsed.RemainingText;
            note.UpdatedAt = store.Now;
            events.Add(new WebhookEvent(WebhookEventKind.Note, note.Internal || issue.Confidential, project, sim.Payloads.NoteHook(note, actor.User, "update")));
        }

        sim.Webhooks.Publish(store, events, actor.EventUuid);
        return ApiResult.Ok(sim.Json.Note(note));
    }

    private static ApiResult Delete(SimulatorServices sim, RequestActor actor, SimProject project, SimNote note)
    {
        if (note.AuthorId != actor.User.Id && sim.Store.AccessOf(actor.User, project) < AccessLevel.Maintainer)
        {
            return ApiResult.Forbidden;
        }

        sim.Store.RemoveNote(note);
        return ApiResult.NoContent;
    }

    private static ApiResult WithNote(SimulatorServices sim, RequestActor actor, string id, string iid, string noteId, Func<SimProject, SimNote, ApiResult> then)
    {
        var store = sim.Store;
        if (Visibility.Project(store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (Visibility.Issue(store, actor.User, project, iid) is not { } issue)
        {
            return ApiResult.NotFound("Issue");
        }

        if (!long.TryParse(noteId, out var nid) || !store.Notes.TryGetValue(nid, out var note) || note.Issue != issue
            || (note.Internal && store.AccessOf(actor.User, project) < AccessLevel.Reporter))
        {
            return ApiResult.NotFound("Note");
        }

        return then(project, note);
    }
}

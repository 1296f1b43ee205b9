using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Merge request notes (doc/api/notes.md, "Merge requests"). Quick actions as far as the service uses them on MRs:
/// <c>/label ~"x"</c>, <c>/unlabel ~"x"</c> and <c>/assign_reviewer @user</c>; as on issues, commands only → 202 with
/// <c>commands_changes</c> and no note, text and commands → 201 with the command lines removed. A new note fires a
/// Note Hook carrying <c>merge_request</c> (a Confidential Note Hook for an <c>internal: true</c> note, GitLab 16.9+);
/// applied commands fire a Merge Request Hook (<c>update</c>).
/// </summary>
internal static partial class MergeRequestNotesEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim, string mergeRequestPath)
    {
        var notes = mergeRequestPath + "/notes";
        app.MapGet(notes, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => MergeRequestsEndpoints.With(sim, a, id, iid, mr => List(c, sim, p, mr))));
        app.MapPost(notes, (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => MergeRequestsEndpoints.With(sim, a, id, iid, mr => Create(sim, p, a, mr))));
        app.MapGet(notes + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (_, a) => MergeRequestsEndpoints.With(sim, a, id, iid, mr => WithNote(sim, mr, noteId, note => ApiResult.Ok(sim.Json.MergeRequestNote(note))))));
        app.MapPut(notes + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (p, a) => MergeRequestsEndpoints.With(sim, a, id, iid, mr => WithNote(sim, mr, noteId, note => Update(sim, p, a, note)))));
        app.MapDelete(notes + "/{noteId}", (HttpContext c, string id, string iid, string noteId) => Endpoint.RunAsync(c, sim, (_, a) => MergeRequestsEndpoints.With(sim, a, id, iid, mr => WithNote(sim, mr, noteId, note => Delete(sim, a, note)))));
    }

    private static ApiResult List(HttpContext context, SimulatorServices sim, RequestParameters p, SimMergeRequest mr)
    {
        var notes = sim.Store.NotesByMergeRequestId.GetValueOrDefault(mr.Id, []);
        var ordered = p.Get("sort") == "asc" ? notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList() : notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).ToList();
        var (page, perPage) = Pagination.Read(p);
        return ApiResult.Ok(new JsonArray([.. Pagination.Slice(context, ordered, page, perPage).Select(n => (JsonNode)sim.Json.MergeRequestNote(n))]));
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, RequestActor actor, SimMergeRequest mr)
    {
        var store = sim.Store;
        if (p.Get("body") is not { Length: > 0 } body)
        {
            return ApiResult.ParameterError("body is missing");
        }

        if (GitLabLimits.CheckNote(body) is { } tooLong)
        {
            return tooLong;
        }

        var text = new List<string>();
        var changes = new JsonObject();
        var failures = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            var match = Command().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                text.Add(line);
                continue;
            }

            var argument = match.Groups["arg"].Value.Trim().Trim('~', '@').Trim('"');
            switch (match.Groups["name"].Value)
            {
                case "label" when !mr.Labels.Contains(argument):
                    mr.Labels.Add(argument);
                    changes["add_label_ids"] = new JsonArray();
                    break;
                case "unlabel":
                    mr.Labels.Remove(argument);
                    changes["remove_label_ids"] = new JsonArray();
                    break;
                case "assign_reviewer" when store.UsersByUsername.TryGetValue(argument, out var reviewer):
                    if (!mr.ReviewerIds.Contains(reviewer.Id))
                    {
                        mr.ReviewerIds.Add(reviewer.Id);
                    }

                    changes["reviewer_ids"] = new JsonArray([.. mr.ReviewerIds.Select(r => (JsonNode)JsonValue.Create(r))]);
                    break;
                case "assign_reviewer":
                    failures.Add($"Could not apply assign_reviewer command: no user '{argument}'.");
                    break;
            }
        }

        var remaining = string.Join('\n', text).Trim();
        if (changes.Count > 0)
        {
            MergeRequestsEndpoints.Publish(sim, actor, mr, "update");
        }

        if (remaining.Length == 0)
        {
            return changes.Count == 0 && failures.Count > 0
                ? ApiResult.BadRequest(string.Join(" ", failures))
                : new ApiResult(StatusCodes.Status202Accepted, new JsonObject { ["commands_changes"] = changes, ["summary"] = new JsonArray() });
        }

        var isInternal = p.Bool("internal") == true;
        var note = store.InsertMergeRequestNote(mr, remaining, actor.User.Id, isSystem: false, store.Now, isInternal);
        mr.UpdatedAt = store.Now;
        sim.Webhooks.Publish(store, [new WebhookEvent(WebhookEventKind.Note, isInternal, mr.Project, sim.Payloads.MergeRequestNoteHook(note, actor.User, "create"))], actor.EventUuid);
        var json = sim.Json.MergeRequestNote(note);
        if (changes.Count > 0)
        {
            json["commands_changes"] = changes;
        }

        return ApiResult.Created(json);
    }

    private static ApiResult Update(SimulatorServices sim, RequestParameters p, RequestActor actor, SimMergeRequestNote note)
    {
        if (NoteEditRequest.Refusal(note.System, note.AuthorId, actor, p, out var body) is { } refused)
        {
            return refused;
        }

        if (body != note.Body)
        {
            note.Body = body;
            note.UpdatedAt = sim.Store.Now;
            sim.Webhooks.Publish(sim.Store, [new WebhookEvent(WebhookEventKind.Note, note.Internal, note.MergeRequest.Project, sim.Payloads.MergeRequestNoteHook(note, actor.User, "update"))], actor.EventUuid);
        }

        return ApiResult.Ok(sim.Json.MergeRequestNote(note));
    }

    private static ApiResult Delete(SimulatorServices sim, RequestActor actor, SimMergeRequestNote note)
    {
        if (note.AuthorId != actor.User.Id && sim.Store.AccessOf(actor.User, note.MergeRequest.Project) < AccessLevel.Maintainer)
        {
            return ApiResult.Forbidden;
        }

        sim.Store.RemoveMergeRequestNote(note);
        return ApiResult.NoContent;
    }

    private static ApiResult WithNote(SimulatorServices sim, SimMergeRequest mr, string noteId, Func<SimMergeRequestNote, ApiResult> then) =>
        long.TryParse(noteId, out var id) && sim.Store.MergeRequestNotes.TryGetValue(id, out var note) && note.MergeRequest == mr
            ? then(note)
            : ApiResult.NotFound("Note");

    [GeneratedRegex(@"^/(?<name>label|unlabel|assign_reviewer)(?:\s+(?<arg>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}

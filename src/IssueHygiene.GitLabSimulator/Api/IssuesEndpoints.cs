using System.Globalization;
using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Hosting;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;
using IssueHygiene.GitLabSimulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary><c>/projects/:id/issues</c> and <c>/groups/:id/issues</c>: list, get, create, edit, delete.</summary>
internal static class IssuesEndpoints
{
    private static readonly string[] EditableParameters =
    [
        "title", "description", "labels", "add_labels", "remove_labels", "milestone_id", "assignee_ids",
        "assignee_id", "confidential", "state_event", "due_date", "discussion_locked",
    ];

    public static void Map(IEndpointRouteBuilder app, SimulatorServices sim)
    {
        app.MapGet("/api/v4/projects/{id}/issues", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => List(c, sim, p, a, id, isGroup: false)));
        app.MapGet("/api/v4/groups/{id}/issues", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => List(c, sim, p, a, id, isGroup: true)));
        app.MapGet("/api/v4/projects/{id}/issues/{iid}", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (_, a) => Get(sim, a, id, iid)));
        app.MapPost("/api/v4/projects/{id}/issues", (HttpContext c, string id) => Endpoint.RunAsync(c, sim, (p, a) => Create(sim, p, a, id)));
        app.MapPut("/api/v4/projects/{id}/issues/{iid}", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (p, a) => Edit(sim, p, a, id, iid)));
        app.MapDelete("/api/v4/projects/{id}/issues/{iid}", (HttpContext c, string id, string iid) => Endpoint.RunAsync(c, sim, (_, a) => Delete(c, sim, a, id, iid)));
    }

    private static ApiResult List(HttpContext context, SimulatorServices sim, RequestParameters p, RequestActor actor, string id, bool isGroup)
    {
        var store = sim.Store;
        HashSet<long> projectIds;
        string scopeKey;
        if (isGroup)
        {
            if (Visibility.Group(store, actor.User, id) is not { } group)
            {
                return ApiResult.NotFound("Group");
            }

            projectIds = [.. store.ProjectsOf(group, includeSubgroups: true).Select(pr => pr.Id)];
            scopeKey = "g:" + group.Id;
        }
        else
        {
            if (Visibility.Project(store, actor.User, id) is not { } project)
            {
                return ApiResult.NotFound("Project");
            }

            projectIds = [project.Id];
            scopeKey = "p:" + project.Id;
        }

        var (query, error) = IssueQueryReader.Read(p, store, actor.User, projectIds);
        if (query is null)
        {
            return ApiResult.ParameterError(error!);
        }

        var (page, perPage) = Pagination.Read(p);
        List<SimIssue> items;
        if (p.Get("pagination") == "keyset")
        {
            // GitLab: keyset pagination exists for project issues only, ordered by id or a timestamp.
            if (isGroup || query.OrderBy == IssueOrder.Title)
            {
                return ApiResult.Message(StatusCodes.Status405MethodNotAllowed, "405 Method Not Allowed - Keyset pagination is not yet available for this type of request");
            }

            KeysetCursor? cursor = null;
            if (p.Get("cursor") is { } text && (cursor = KeysetCursor.TryDecode(text)) is null)
            {
                return ApiResult.ParameterError("cursor is invalid");
            }

            (items, var next) = store.ListIssuesKeyset(query, scopeKey, cursor, perPage);
            Pagination.WriteKeysetLink(context, perPage, next?.Encode());
        }
        else
        {
            var resumeKey = scopeKey + "|" + actor.User.Id + "|" + p.KeyWithout("page");
            (items, var total, _) = store.ListIssues(query, scopeKey, page, perPage, Pagination.CountLimit, resumeKey);
            Pagination.WriteOffsetHeaders(context, page, perPage, total);
        }

        return ApiResult.Ok(new JsonArray([.. items.Select(i => (JsonNode)sim.Json.Issue(i))]));
    }

    private static ApiResult Get(SimulatorServices sim, RequestActor actor, string id, string iid)
    {
        if (Visibility.Project(sim.Store, actor.User, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        return Visibility.Issue(sim.Store, actor.User, project, iid) is { } issue
            ? ApiResult.Ok(sim.Json.Issue(issue))
            : ApiResult.NotFound("Issue");
    }

    private static ApiResult Create(SimulatorServices sim, RequestParameters p, RequestActor actor, string id)
    {
        var store = sim.Store;
        var user = actor.User;
        if (Visibility.Project(store, user, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (p.Get("title") is not { Length: > 0 } title)
        {
            return ApiResult.ParameterError("title is missing");
        }

        if (GitLabLimits.CheckIssue(title, p.Get("description")) is { } tooLong)
        {
            return tooLong;
        }

        var createdAt = store.Now;
        if (p.Get("created_at") is { } createdText)
        {
            if (!GitLabTime.TryParse(createdText, out var parsed))
            {
                return ApiResult.ParameterError("created_at is invalid");
            }

            // GitLab honours created_at only for admins and project owners; others get "now".
            if (store.AccessOf(user, project) >= AccessLevel.Owner)
            {
                createdAt = parsed;
            }
        }

        var (edit, editError) = ReadEdit(store, project, user, p, creating: true);
        if (edit is null)
        {
            return ApiResult.ParameterError(editError!);
        }

        // lib/api/issues.rb: issue_type "One of issue, incident, test_case or task" (default issue).
        var issueType = p.Get("issue_type") ?? "issue";
        if (issueType is not ("issue" or "incident" or "test_case" or "task"))
        {
            return ApiResult.ParameterError("issue_type does not have a valid value");
        }

        var change = store.CreateIssue(project, user, title, p.Get("description"), createdAt, edit);
        change.Issue.IssueType = issueType;
        sim.Webhooks.Publish(store, [IssueEvent(sim, change)], actor.EventUuid);
        return ApiResult.Created(sim.Json.Issue(change.Issue));
    }

    private static ApiResult Edit(SimulatorServices sim, RequestParameters p, RequestActor actor, string id, string iid)
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

        if (!EditableParameters.Any(p.Has))
        {
            return ApiResult.ParameterError(string.Join(", ", EditableParameters) + " are missing, at least one parameter must be provided");
        }

        if (store.AccessOf(user, project) < AccessLevel.Reporter && issue.AuthorId != user.Id)
        {
            return ApiResult.Forbidden;
        }

        if (GitLabLimits.CheckIssue(p.Get("title"), p.Get("description")) is { } tooLong)
        {
            return tooLong;
        }

        var (edit, error) = ReadEdit(store, project, user, p, creating: false);
        if (edit is null)
        {
            return ApiResult.ParameterError(error!);
        }

        if (store.ApplyEdit(issue, edit, user) is { } change)
        {
            sim.Webhooks.Publish(store, [IssueEvent(sim, change)], actor.EventUuid);
        }

        return ApiResult.Ok(sim.Json.Issue(issue));
    }

    /// <summary>
    /// GitLab's lib/api/issues.rb <c>delete ":id/issues/:issue_iid"</c>: the issue is looked up
    /// without the confidentiality filter (404 only when it does not exist), then
    /// <c>authorize!(:destroy_issue)</c> lets administrators and owners through (403 for everyone
    /// else), then <c>destroy_conditionally!</c> answers 412 when the issue changed after the
    /// request's <c>If-Unmodified-Since</c>, else 204 with no body.
    /// </summary>
    private static ApiResult Delete(HttpContext context, SimulatorServices sim, RequestActor actor, string id, string iid)
    {
        var store = sim.Store;
        var user = actor.User;
        if (Visibility.Project(store, user, id) is not { } project)
        {
            return ApiResult.NotFound("Project");
        }

        if (!long.TryParse(iid, out var number))
        {
            return ApiResult.ParameterError("issue_iid is invalid");
        }

        if (!project.IssuesByIid.TryGetValue(number, out var issue))
        {
            return ApiResult.NotFound("Issue");
        }

        if (store.AccessOf(user, project) < AccessLevel.Owner)
        {
            return ApiResult.Forbidden;
        }

        if (context.Request.Headers.IfUnmodifiedSince.FirstOrDefault() is { } header
            && DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var unmodifiedSince)
            && issue.UpdatedAt > unmodifiedSince)
        {
            return ApiResult.Message(StatusCodes.Status412PreconditionFailed, "412 Precondition Failed");
        }

        store.DeleteIssue(issue);
        return ApiResult.NoContent;
    }

    public static WebhookEvent IssueEvent(SimulatorServices sim, IssueChange change) =>
        new(WebhookEventKind.Issue, change.Issue.Confidential, change.Issue.Project, sim.Payloads.IssueHook(change));

    /// <summary>
    /// GitLab's issue parameters. Label names that do not exist become project labels (GitLab does
    /// that for <c>labels</c> and <c>add_labels</c>); an unknown <c>milestone_id</c> clears the
    /// milestone, as GitLab's IssuableBaseService does; assignees who are not members are dropped.
    /// </summary>
    private static (IssueEdit? Edit, string? Error) ReadEdit(SimulatorStore store, SimProject project, SimUser user, RequestParameters p, bool creating)
    {
        var title = p.Get("title");
        if (!creating && title is { Length: 0 })
        {
            return (null, "title is empty");
        }

        IssueStateEvent? stateEvent = p.Get("state_event") switch
        {
            null => IssueStateEvent.None,
            "close" => IssueStateEvent.Close,
            "reopen" => IssueStateEvent.Reopen,
            _ => null,
        };
        if (stateEvent is null)
        {
            return (null, "state_event does not have a valid value");
        }

        DateOnly? dueDate = null;
        if (p.Get("due_date") is { Length: > 0 } dueText)
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", out var due))
            {
                return (null, "due_date is invalid");
            }

            dueDate = due;
        }

        // Members below Reporter may create and retitle issues, but GitLab silently ignores
        // their labels, milestone and assignees.
        var canAdmin = store.AccessOf(user, project) >= AccessLevel.Reporter;
        var edit = new IssueEdit
        {
            Title = creating ? null : title,
            DescriptionSet = !creating && p.Has("description"),
            Description = p.Get("description"),
            Confidential = p.Bool("confidential"),
            StateEvent = creating ? IssueStateEvent.None : stateEvent.Value,
            DueDateSet = p.Has("due_date"),
            DueDate = dueDate,
        };
        if (!canAdmin)
        {
            return (edit, null);
        }

        if (p.Has("labels"))
        {
            edit = edit with { ReplaceLabelIds = store.ResolveOrCreateLabels(project, p.CommaList("labels")) };
        }

        edit = edit with
        {
            AddLabelIds = store.ResolveOrCreateLabels(project, p.CommaList("add_labels")),
            RemoveLabelIds = [.. p.CommaList("remove_labels").Select(t => store.FindLabel(project, t)?.Id ?? -1)],
        };

        if (p.Has("milestone_id"))
        {
            var milestoneId = p.Long("milestone_id");
            var valid = milestoneId is { } mid && store.AvailableMilestones(project).Any(m => m.Id == mid);
            edit = edit with { MilestoneSet = true, MilestoneId = valid ? milestoneId : null };
        }

        var assigneeValues = p.Has("assignee_ids") ? p.CommaList("assignee_ids") : p.Has("assignee_id") ? p.CommaList("assignee_id") : null;
        if (assigneeValues is not null)
        {
            var ids = assigneeValues
                .Select(v => long.TryParse(v, out var n) ? n : 0)
                .Where(n => n > 0 && store.Users.TryGetValue(n, out var assignee) && (assignee.IsAdmin || store.MembershipOf(assignee, project) is not null))
                .Distinct()
                .ToList();
            edit = creating ? edit with { AddAssigneeIds = ids } : edit with { ReplaceAssigneeIds = ids };
        }

        return (edit, null);
    }
}

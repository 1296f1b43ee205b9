using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// REST response bodies in GitLab's shapes (key names and nesting as in GitLab's API docs and
/// schemas). Built as JSON nodes so a key is exactly where GitLab puts it. Caller holds the lock.
/// </summary>
internal sealed partial class GitLabJson(SimulatorStore store)
{
    public JsonObject User(SimUser user) => new()
    {
        ["id"] = user.Id,
        ["username"] = user.Username,
        ["name"] = user.Name,
        ["state"] = "active",
        ["avatar_url"] = AvatarUrl(user),
        ["web_url"] = store.WebBase + "/" + user.Username,
    };

    public JsonObject CurrentUser(SimUser user)
    {
        var json = User(user);
        json["created_at"] = GitLabTime.Iso(user.CreatedAt);
        json["bio"] = "";
        json["public_email"] = null;
        json["email"] = user.Email;
        json["is_admin"] = user.IsAdmin;
        json["bot"] = false;
        return json;
    }

    public static string AvatarUrl(SimUser user) =>
        $"https://www.gravatar.com/avatar/{user.Id:x32}?s=80&d=identicon";

    public JsonObject Member(SimUser user, int accessLevel)
    {
        var json = User(user);
        json["access_level"] = accessLevel;
        json["created_at"] = GitLabTime.Iso(user.CreatedAt);
        json["expires_at"] = null;
        return json;
    }

    public JsonObject Group(SimGroup group) => new()
    {
        ["id"] = group.Id,
        ["web_url"] = store.WebBase + "/groups/" + group.FullPath,
        ["name"] = group.Name,
        ["path"] = group.Path,
        ["description"] = group.Description,
        ["visibility"] = "private",
        ["full_name"] = string.Join(" / ", store.SelfAndAncestors(group).Reverse().Select(g => g.Name)),
        ["full_path"] = group.FullPath,
        ["created_at"] = GitLabTime.Iso(group.CreatedAt),
        ["parent_id"] = group.ParentId,
    };

    public JsonObject Project(SimProject project) => new()
    {
        ["id"] = project.Id,
        ["description"] = project.Description,
        ["name"] = project.Name,
        ["name_with_namespace"] = string.Join(" / ", store.SelfAndAncestors(project.Namespace).Reverse().Select(g => g.Name).Append(project.Name)),
        ["path"] = project.Path,
        ["path_with_namespace"] = project.PathWithNamespace,
        ["created_at"] = GitLabTime.Iso(project.CreatedAt),
        ["default_branch"] = "main",
        ["web_url"] = store.WebBase + "/" + project.PathWithNamespace,
        ["visibility"] = "private",
        ["issues_enabled"] = true,
        ["archived"] = false,
        ["namespace"] = new JsonObject
        {
            ["id"] = project.Namespace.Id,
            ["name"] = project.Namespace.Name,
            ["path"] = project.Namespace.Path,
            ["kind"] = "group",
            ["full_path"] = project.Namespace.FullPath,
            ["parent_id"] = project.Namespace.ParentId,
            ["web_url"] = store.WebBase + "/groups/" + project.Namespace.FullPath,
        },
    };

    /// <summary>A milestone as the milestones API and the issue's <c>milestone</c> show it.</summary>
    public JsonObject Milestone(SimMilestone milestone)
    {
        var json = new JsonObject { ["id"] = milestone.Id, ["iid"] = milestone.Iid };
        if (milestone.ProjectId is { } projectId)
        {
            json["project_id"] = projectId;
        }

        if (milestone.GroupId is { } groupId)
        {
            json["group_id"] = groupId;
        }

        json["title"] = milestone.Title;
        json["description"] = milestone.Description;
        json["state"] = milestone.State;
        json["created_at"] = GitLabTime.Iso(milestone.CreatedAt);
        json["updated_at"] = GitLabTime.Iso(milestone.UpdatedAt);
        json["due_date"] = GitLabTime.Date(milestone.DueDate);
        json["start_date"] = GitLabTime.Date(milestone.StartDate);
        json["expired"] = milestone.DueDate is { } due && due < DateOnly.FromDateTime(store.Now.UtcDateTime);
        json["web_url"] = milestone.GroupId is { } g
            ? $"{store.WebBase}/groups/{store.Groups[g].FullPath}/-/milestones/{milestone.Iid}"
            : $"{store.WebBase}/{store.Projects[milestone.ProjectId!.Value].PathWithNamespace}/-/milestones/{milestone.Iid}";
        return json;
    }

    public static JsonObject Label(SimLabel label, (int Open, int Closed)? counts, bool forProject)
    {
        var json = new JsonObject
        {
            ["id"] = label.Id,
            ["name"] = label.Title,
            ["color"] = label.Color,
            ["text_color"] = "#FFFFFF",
            ["description"] = label.Description,
            ["description_html"] = label.Description,
            ["open_issues_count"] = counts?.Open ?? 0,
            ["closed_issues_count"] = counts?.Closed ?? 0,
            ["open_merge_requests_count"] = 0,
            ["subscribed"] = false,
        };
        if (forProject)
        {
            json["priority"] = label.Priority;
            json["is_project_label"] = label.IsProjectLabel;
        }

        json["archived"] = false;
        return json;
    }

    public JsonObject Issue(SimIssue issue)
    {
        var project = issue.Project;
        var author = store.Users[issue.AuthorId];
        var assignees = new JsonArray([.. issue.AssigneeIds.Select(id => (JsonNode)User(store.Users[id]))]);
        var apiProject = $"{store.WebBase}/api/v4/projects/{project.Id}";
        var labels = issue.LabelIds.Select(id => store.Labels[id].Title).Order(StringComparer.Ordinal).Select(t => (JsonNode)JsonValue.Create(t)!);
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["iid"] = issue.Iid,
            ["project_id"] = project.Id,
            ["title"] = issue.Title,
            ["description"] = issue.Description,
            ["state"] = issue.State,
            ["created_at"] = GitLabTime.Iso(issue.CreatedAt),
            ["updated_at"] = GitLabTime.Iso(issue.UpdatedAt),
            ["closed_at"] = GitLabTime.Iso(issue.ClosedAt),
            ["closed_by"] = issue.ClosedById is { } closer ? User(store.Users[closer]) : null,
            ["labels"] = new JsonArray([.. labels]),
            ["milestone"] = store.MilestoneById(issue.MilestoneId) is { } m ? Milestone(m) : null,
            ["assignees"] = assignees,
            ["author"] = User(author),
            ["type"] = issue.RestType,
            ["assignee"] = issue.AssigneeIds.Count > 0 ? User(store.Users[issue.AssigneeIds[0]]) : null,
            ["user_notes_count"] = issue.UserNotesCount,
            ["merge_requests_count"] = 0,
            ["upvotes"] = 0,
            ["downvotes"] = 0,
            ["due_date"] = GitLabTime.Date(issue.DueDate),
            ["confidential"] = issue.Confidential,
            ["discussion_locked"] = null,
            ["issue_type"] = issue.IssueType,
            ["web_url"] = $"{store.WebBase}/{project.PathWithNamespace}/-/issues/{issue.Iid}",
            ["time_stats"] = new JsonObject
            {
                ["time_estimate"] = 0,
                ["total_time_spent"] = 0,
                ["human_time_estimate"] = null,
                ["human_total_time_spent"] = null,
            },
            ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
            ["has_tasks"] = false,
            ["task_status"] = "0 of 0 checklist items completed",
            ["_links"] = new JsonObject
            {
                ["self"] = $"{apiProject}/issues/{issue.Iid}",
                ["notes"] = $"{apiProject}/issues/{issue.Iid}/notes",
                ["award_emoji"] = $"{apiProject}/issues/{issue.Iid}/award_emoji",
                ["project"] = apiProject,
                ["closed_as_duplicate_of"] = null,
            },
            ["references"] = new JsonObject
            {
                ["short"] = $"#{issue.Iid}",
                ["relative"] = $"#{issue.Iid}",
                ["full"] = $"{project.PathWithNamespace}#{issue.Iid}",
            },
            ["severity"] = "UNKNOWN",
            ["moved_to_id"] = null,
            ["imported"] = false,
            ["imported_from"] = "none",
            ["service_desk_reply_to"] = null,
        };
    }

    public JsonObject Note(SimNote note) =>
        Note(note.Id, note.Body, note.AuthorId, note.CreatedAt, note.UpdatedAt, note.System, note.Internal, "Issue", note.Issue.Id, note.Issue.Iid, note.Issue.Project.Id);

    /// <summary>A note of an issue or a merge request: GitLab sends both in one shape, told apart by <c>noteable_type</c>.</summary>
    private JsonObject Note(
        long id, string body, long authorId, DateTimeOffset createdAt, DateTimeOffset updatedAt, bool system, bool isInternal,
        string noteableType, long noteableId, long noteableIid, long projectId) => new()
    {
        ["id"] = id,
        ["type"] = null,
        ["body"] = body,
        ["attachment"] = null,
        ["author"] = User(store.Users[authorId]),
        ["created_at"] = GitLabTime.Iso(createdAt),
        ["updated_at"] = GitLabTime.Iso(updatedAt),
        ["system"] = system,
        ["noteable_id"] = noteableId,
        ["noteable_type"] = noteableType,
        ["project_id"] = projectId,
        ["noteable_iid"] = noteableIid,
        ["resolvable"] = false,
        ["confidential"] = isInternal,
        ["internal"] = isInternal,
        ["imported"] = false,
        ["imported_from"] = "none",
    };

    public static JsonObject Hook(SimHook hook) => new()
    {
        ["id"] = hook.Id,
        ["url"] = hook.Url.ToString(),
        ["project_id"] = hook.ProjectId,
        ["group_id"] = hook.GroupId,
        ["push_events"] = false,
        ["issues_events"] = hook.IssuesEvents,
        ["confidential_issues_events"] = hook.ConfidentialIssuesEvents,
        ["note_events"] = hook.NoteEvents,
        ["confidential_note_events"] = hook.ConfidentialNoteEvents,
        ["merge_requests_events"] = hook.MergeRequestsEvents,
        ["enable_ssl_verification"] = true,
        ["created_at"] = GitLabTime.Iso(hook.CreatedAt),
        ["alert_status"] = hook.AlertStatus,
    };
}

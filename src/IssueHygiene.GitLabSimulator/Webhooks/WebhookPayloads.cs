using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Api;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Webhooks;

/// <summary>
/// Issue Hook and Note Hook bodies with the keys of GitLab's documented examples
/// (tests/GitLabSamples/webhook_*.json). Timestamps use both of GitLab's spellings, as real payloads do:
/// <c>"2015-05-17 18:08:09 UTC"</c> for the hook's own attributes, ISO 8601 inside labels.
/// Caller holds the store lock.
/// </summary>
internal sealed partial class WebhookPayloads(SimulatorStore store)
{
    public JsonObject IssueHook(IssueChange change)
    {
        var issue = change.Issue;
        var attributes = IssueAttributes(issue);
        attributes["action"] = change.Action;
        var payload = new JsonObject
        {
            ["object_kind"] = issue.IsLegacyIssue ? "issue" : "work_item",
            ["event_type"] = (issue.Confidential ? "confidential_" : string.Empty) + (issue.IsLegacyIssue ? "issue" : "work_item"),
            ["user"] = User(change.Actor),
            ["project"] = Project(issue.Project),
            ["object_attributes"] = attributes,
            ["repository"] = Repository(issue.Project),
        };
        if (issue.AssigneeIds.Count > 0)
        {
            payload["assignees"] = Users(issue.AssigneeIds);
            payload["assignee"] = User(store.Users[issue.AssigneeIds[0]]);
        }

        payload["labels"] = Labels(issue.LabelIds);
        payload["changes"] = Changes(change);
        return payload;
    }

    public JsonObject NoteHook(SimNote note, SimUser actor, string action)
    {
        var issue = note.Issue;
        var project = issue.Project;
        return new JsonObject
        {
            ["object_kind"] = "note",
            ["event_type"] = note.Internal || issue.Confidential ? "confidential_note" : "note",
            ["user"] = User(actor),
            ["project_id"] = project.Id,
            ["project"] = Project(project),
            ["repository"] = Repository(project),
            ["object_attributes"] = new JsonObject
            {
                ["id"] = note.Id,
                ["note"] = note.Body,
                ["noteable_type"] = "Issue",
                ["author_id"] = note.AuthorId,
                ["created_at"] = GitLabTime.Hook(note.CreatedAt),
                ["updated_at"] = GitLabTime.Hook(note.UpdatedAt),
                ["project_id"] = project.Id,
                ["attachment"] = null,
                ["line_code"] = null,
                ["commit_id"] = "",
                ["noteable_id"] = issue.Id,
                ["system"] = note.System,
                ["st_diff"] = null,
                ["action"] = action,
                ["url"] = $"{store.WebBase}/{project.PathWithNamespace}/-/issues/{issue.Iid}#note_{note.Id}",
            },
            ["issue"] = new JsonObject
            {
                ["id"] = issue.Id,
                ["title"] = issue.Title,
                ["assignee_ids"] = Ids(issue.AssigneeIds),
                ["assignee_id"] = issue.AssigneeIds.Count > 0 ? issue.AssigneeIds[0] : null,
                ["author_id"] = issue.AuthorId,
                ["project_id"] = project.Id,
                ["created_at"] = GitLabTime.Hook(issue.CreatedAt),
                ["updated_at"] = GitLabTime.Hook(issue.UpdatedAt),
                ["position"] = 0,
                ["branch_name"] = null,
                ["description"] = issue.Description,
                ["milestone_id"] = issue.MilestoneId,
                ["state"] = issue.State,
                ["iid"] = issue.Iid,
                ["labels"] = Labels(issue.LabelIds),
            },
        };
    }

    private JsonObject IssueAttributes(SimIssue issue) => new()
    {
        ["id"] = issue.Id,
        ["title"] = issue.Title,
        ["assignee_ids"] = Ids(issue.AssigneeIds),
        ["assignee_id"] = issue.AssigneeIds.Count > 0 ? issue.AssigneeIds[0] : null,
        ["author_id"] = issue.AuthorId,
        ["project_id"] = issue.Project.Id,
        ["created_at"] = GitLabTime.Hook(issue.CreatedAt),
        ["updated_at"] = GitLabTime.Hook(issue.UpdatedAt),
        ["updated_by_id"] = issue.UpdatedById,
        ["last_edited_at"] = GitLabTime.Hook(issue.LastEditedAt),
        ["last_edited_by_id"] = issue.LastEditedById,
        ["relative_position"] = 0,
        ["description"] = issue.Description,
        ["milestone_id"] = issue.MilestoneId,
        ["state_id"] = issue.IsOpen ? 1 : 2,
        ["confidential"] = issue.Confidential,
        ["discussion_locked"] = null,
        ["due_date"] = GitLabTime.Date(issue.DueDate),
        ["moved_to_id"] = null,
        ["duplicated_to_id"] = null,
        ["time_estimate"] = 0,
        ["total_time_spent"] = 0,
        ["time_change"] = 0,
        ["human_total_time_spent"] = null,
        ["human_time_estimate"] = null,
        ["human_time_change"] = null,
        ["weight"] = null,
        ["health_status"] = null,
        ["type"] = issue.TypeName,
        ["iid"] = issue.Iid,
        ["url"] = $"{store.WebBase}/{issue.Project.PathWithNamespace}/-/issues/{issue.Iid}",
        ["state"] = issue.State,
        ["action"] = "update",
        ["severity"] = "unknown",
        // Only incidents escalate; GitLab's example is an incident, so the keys are there, empty.
        ["escalation_status"] = null,
        ["escalation_policy"] = null,
        ["labels"] = Labels(issue.LabelIds),
    };

    /// <summary><c>changes.&lt;key&gt;</c> = <c>{previous, current}</c> for every attribute the change touched.</summary>
    private JsonObject Changes(IssueChange change)
    {
        var issue = change.Issue;
        var changes = new JsonObject();
        if (change.Before is not { } before)
        {
            changes["author_id"] = Pair(null, issue.AuthorId);
            changes["created_at"] = Pair(null, GitLabTime.Hook(issue.CreatedAt));
            changes["description"] = Pair(null, issue.Description);
            changes["id"] = Pair(null, issue.Id);
            changes["iid"] = Pair(null, issue.Iid);
            changes["project_id"] = Pair(null, issue.Project.Id);
            changes["title"] = Pair(null, issue.Title);
            changes["updated_at"] = Pair(null, GitLabTime.Hook(issue.UpdatedAt));
            if (issue.LabelIds.Count > 0)
            {
                changes["labels"] = Pair(new JsonArray(), Labels(issue.LabelIds));
            }

            if (issue.AssigneeIds.Count > 0)
            {
                changes["assignees"] = Pair(new JsonArray(), Users(issue.AssigneeIds));
            }

            if (issue.MilestoneId is { } milestoneId)
            {
                changes["milestone_id"] = Pair(null, milestoneId);
            }

            if (issue.Confidential)
            {
                changes["confidential"] = Pair(false, true);
            }

            return changes;
        }

        if (before.Title != issue.Title)
        {
            changes["title"] = Pair(before.Title, issue.Title);
        }

        if (before.Description != issue.Description)
        {
            changes["description"] = Pair(before.Description, issue.Description);
        }

        if (before.Title != issue.Title || before.Description != issue.Description)
        {
            changes["last_edited_at"] = Pair(GitLabTime.Hook(before.LastEditedAt), GitLabTime.Hook(issue.LastEditedAt));
            changes["last_edited_by_id"] = Pair(before.LastEditedById, issue.LastEditedById);
        }

        if (!before.LabelIds.Order().SequenceEqual(issue.LabelIds.Order()))
        {
            changes["labels"] = Pair(Labels(before.LabelIds), Labels(issue.LabelIds));
        }

        if (!before.AssigneeIds.SequenceEqual(issue.AssigneeIds))
        {
            changes["assignees"] = Pair(Users(before.AssigneeIds), Users(issue.AssigneeIds));
        }

        if (before.MilestoneId != issue.MilestoneId)
        {
            changes["milestone_id"] = Pair(before.MilestoneId, issue.MilestoneId);
        }

        if (before.IsOpen != issue.IsOpen)
        {
            changes["state_id"] = Pair(before.IsOpen ? 1 : 2, issue.IsOpen ? 1 : 2);
            changes["closed_at"] = Pair(GitLabTime.Hook(before.ClosedAt), GitLabTime.Hook(issue.ClosedAt));
        }

        if (before.Confidential != issue.Confidential)
        {
            changes["confidential"] = Pair(before.Confidential, issue.Confidential);
        }

        if (before.DueDate != issue.DueDate)
        {
            changes["due_date"] = Pair(GitLabTime.Date(before.DueDate), GitLabTime.Date(issue.DueDate));
        }

        if (before.UpdatedById != issue.UpdatedById)
        {
            changes["updated_by_id"] = Pair(before.UpdatedById, issue.UpdatedById);
        }

        changes["updated_at"] = Pair(GitLabTime.Hook(before.UpdatedAt), GitLabTime.Hook(issue.UpdatedAt));
        return changes;
    }

    private static JsonObject Pair(JsonNode? previous, JsonNode? current) => new() { ["previous"] = previous, ["current"] = current };

    private static JsonArray Ids(IEnumerable<long> ids) => new([.. ids.Select(id => (JsonNode)JsonValue.Create(id))]);

    private JsonArray Users(IEnumerable<long> ids) => new([.. ids.Select(id => (JsonNode)User(store.Users[id]))]);

    private JsonArray Labels(IEnumerable<long> ids) =>
        new([.. ids.Select(id => store.Labels[id]).OrderBy(l => l.Title, StringComparer.Ordinal).Select(l => (JsonNode)Label(l))]);

    /// <summary>A user as hooks show it (GitLab's <c>User#hook_attrs</c>).</summary>
    private static JsonObject User(SimUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["username"] = user.Username,
        ["avatar_url"] = GitLabJson.AvatarUrl(user),
        ["email"] = "[REDACTED]",
    };

    private static JsonObject Label(SimLabel label) => new()
    {
        ["id"] = label.Id,
        ["title"] = label.Title,
        ["color"] = label.Color,
        ["project_id"] = label.ProjectId,
        ["created_at"] = GitLabTime.Iso(label.CreatedAt),
        ["updated_at"] = GitLabTime.Iso(label.UpdatedAt),
        ["template"] = false,
        ["description"] = label.Description,
        ["type"] = label.IsProjectLabel ? "ProjectLabel" : "GroupLabel",
        ["group_id"] = label.GroupId,
    };

    private JsonObject Project(SimProject project)
    {
        var web = $"{store.WebBase}/{project.PathWithNamespace}";
        var host = new Uri(store.WebBase).Host;
        return new JsonObject
        {
            ["id"] = project.Id,
            ["name"] = project.Name,
            ["description"] = project.Description,
            ["web_url"] = web,
            ["avatar_url"] = null,
            ["git_ssh_url"] = $"git@{host}:{project.PathWithNamespace}.git",
            ["git_http_url"] = web + ".git",
            ["namespace"] = project.Namespace.Name,
            ["visibility_level"] = 0,
            ["path_with_namespace"] = project.PathWithNamespace,
            ["default_branch"] = "main",
            ["ci_config_path"] = null,
            ["homepage"] = web,
            ["url"] = web + ".git",
            ["ssh_url"] = $"git@{host}:{project.PathWithNamespace}.git",
            ["http_url"] = web + ".git",
        };
    }

    private JsonObject Repository(SimProject project) => new()
    {
        ["name"] = project.Name,
        ["url"] = $"{store.WebBase}/{project.PathWithNamespace}.git",
        ["description"] = project.Description,
        ["homepage"] = $"{store.WebBase}/{project.PathWithNamespace}",
    };
}

using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Api;
using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.Webhooks;

/// <summary>
/// The Merge Request Hook body with the keys of GitLab's documented example (webhook_events.md, "Merge request
/// events"), and the Note Hook for a comment on an MR (<c>merge_request</c> in place of <c>issue</c>).
/// </summary>
internal sealed partial class WebhookPayloads
{
    public JsonObject MergeRequestHook(SimMergeRequest mr, SimUser actor, string action)
    {
        var attributes = MergeRequestAttributes(mr);
        attributes["action"] = action;
        return new JsonObject
        {
            ["object_kind"] = "merge_request",
            ["event_type"] = "merge_request",
            ["user"] = User(actor),
            ["project"] = Project(mr.Project),
            ["repository"] = Repository(mr.Project),
            ["object_attributes"] = attributes,
            ["labels"] = new JsonArray([.. mr.Labels.Select(MergeRequestLabel)]),
            ["changes"] = new JsonObject(),
            ["assignees"] = new JsonArray(),
            ["reviewers"] = new JsonArray([.. mr.ReviewerIds.Select(id => (JsonNode)User(store.Users[id]))]),
        };
    }

    public JsonObject MergeRequestNoteHook(SimMergeRequestNote note, SimUser actor, string action)
    {
        var mr = note.MergeRequest;
        return new JsonObject
        {
            ["object_kind"] = "note",
            ["event_type"] = "note",
            ["user"] = User(actor),
            ["project_id"] = mr.Project.Id,
            ["project"] = Project(mr.Project),
            ["repository"] = Repository(mr.Project),
            ["object_attributes"] = new JsonObject
            {
                ["id"] = note.Id,
                ["note"] = note.Body,
                ["noteable_type"] = "MergeRequest",
                ["author_id"] = note.AuthorId,
                ["created_at"] = GitLabTime.Hook(note.CreatedAt),
                ["updated_at"] = GitLabTime.Hook(note.UpdatedAt),
                ["project_id"] = mr.Project.Id,
                ["noteable_id"] = mr.Id,
                ["system"] = note.System,
                ["internal"] = false,
                ["action"] = action,
                ["url"] = $"{store.WebBase}/{mr.Project.PathWithNamespace}/-/merge_requests/{mr.Iid}#note_{note.Id}",
            },
            ["merge_request"] = MergeRequestAttributes(mr),
        };
    }

    private JsonObject MergeRequestAttributes(SimMergeRequest mr) => new()
    {
        ["id"] = mr.Id,
        ["iid"] = mr.Iid,
        ["target_branch"] = mr.TargetBranch,
        ["source_branch"] = mr.SourceBranch,
        ["source_project_id"] = mr.Project.Id,
        ["author_id"] = mr.AuthorId,
        ["assignee_ids"] = new JsonArray(),
        ["reviewer_ids"] = Ids(mr.ReviewerIds),
        ["title"] = mr.Title,
        ["created_at"] = GitLabTime.Hook(mr.CreatedAt),
        ["updated_at"] = GitLabTime.Hook(mr.UpdatedAt),
        ["milestone_id"] = null,
        ["state_id"] = mr.State switch { "opened" => 1, "closed" => 2, "merged" => 3, _ => 4 },
        ["state"] = mr.State,
        ["blocking_discussions_resolved"] = true,
        ["work_in_progress"] = mr.Draft,
        ["draft"] = mr.Draft,
        ["first_contribution"] = false,
        ["merge_status"] = "can_be_merged",
        ["target_project_id"] = mr.Project.Id,
        ["description"] = mr.Description,
        ["url"] = $"{store.WebBase}/{mr.Project.PathWithNamespace}/-/merge_requests/{mr.Iid}",
        ["labels"] = new JsonArray([.. mr.Labels.Select(MergeRequestLabel)]),
        ["detailed_merge_status"] = mr.State == "opened" ? "mergeable" : "not_open",
    };

    private JsonNode MergeRequestLabel(string title) =>
        store.Labels.Values.FirstOrDefault(l => l.Title == title) is { } label ? Label(label) : new JsonObject { ["title"] = title };
}

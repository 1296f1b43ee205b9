using System.Text.Json.Nodes;
using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// Merge request bodies in GitLab's REST shapes (doc/api/merge_requests.md, "Get single MR" and "List merge request
/// diffs"; doc/api/notes.md for MR notes). <c>merged_by</c> (deprecated in 14.7) and <c>merge_user</c> are both sent.
/// </summary>
internal sealed partial class GitLabJson
{
    public JsonObject MergeRequest(SimMergeRequest mr)
    {
        var project = mr.Project;
        var merger = mr.MergeUserId is { } id ? User(store.Users[id]) : null;
        return new JsonObject
        {
            ["id"] = mr.Id,
            ["iid"] = mr.Iid,
            ["project_id"] = project.Id,
            ["title"] = mr.Title,
            ["description"] = mr.Description,
            ["state"] = mr.State,
            ["created_at"] = GitLabTime.Iso(mr.CreatedAt),
            ["updated_at"] = GitLabTime.Iso(mr.UpdatedAt),
            ["merged_by"] = merger,
            ["merge_user"] = merger?.DeepClone(),
            ["merged_at"] = GitLabTime.Iso(mr.MergedAt),
            ["closed_by"] = null,
            ["closed_at"] = GitLabTime.Iso(mr.ClosedAt),
            ["target_branch"] = mr.TargetBranch,
            ["source_branch"] = mr.SourceBranch,
            ["user_notes_count"] = mr.UserNotesCount,
            ["upvotes"] = 0,
            ["downvotes"] = 0,
            ["author"] = User(store.Users[mr.AuthorId]),
            ["assignees"] = new JsonArray(),
            ["assignee"] = null,
            ["reviewers"] = new JsonArray([.. mr.ReviewerIds.Select(r => (JsonNode)User(store.Users[r]))]),
            ["source_project_id"] = project.Id,
            ["target_project_id"] = project.Id,
            ["labels"] = new JsonArray([.. mr.Labels.Select(l => (JsonNode)JsonValue.Create(l))]),
            ["draft"] = mr.Draft,
            ["work_in_progress"] = mr.Draft,
            ["milestone"] = null,
            ["merge_when_pipeline_succeeds"] = false,
            ["merge_status"] = "can_be_merged",
            ["detailed_merge_status"] = mr.State == "opened" ? "mergeable" : "not_open",
            ["sha"] = HeadSha(mr),
            ["merge_commit_sha"] = null,
            ["squash_commit_sha"] = null,
            ["discussion_locked"] = null,
            ["should_remove_source_branch"] = null,
            ["force_remove_source_branch"] = false,
            ["reference"] = "!" + mr.Iid,
            ["references"] = new JsonObject
            {
                ["short"] = "!" + mr.Iid,
                ["relative"] = "!" + mr.Iid,
                ["full"] = project.PathWithNamespace + "!" + mr.Iid,
            },
            ["web_url"] = $"{store.WebBase}/{project.PathWithNamespace}/-/merge_requests/{mr.Iid}",
            ["time_stats"] = new JsonObject
            {
                ["time_estimate"] = 0,
                ["total_time_spent"] = 0,
                ["human_time_estimate"] = null,
                ["human_total_time_spent"] = null,
            },
            ["squash"] = false,
            ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
            ["has_conflicts"] = false,
            ["blocking_discussions_resolved"] = true,
            ["imported"] = false,
            ["imported_from"] = "none",
        };
    }

    /// <summary>
    /// The source branch's head commit: GitLab always sends one (merge_request.json requires a string). The simulator
    /// keeps no commits, so it is a stable made-up 40-hex id per MR and branch.
    /// </summary>
    private static string HeadSha(SimMergeRequest mr) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{mr.Id}:{mr.SourceBranch}")))[..40];

    /// <summary>One entry of <c>GET …/merge_requests/:iid/diffs</c>.</summary>
    public static JsonObject MergeRequestDiff((string OldPath, string NewPath) change) => new()
    {
        ["old_path"] = change.OldPath,
        ["new_path"] = change.NewPath,
        ["a_mode"] = "100644",
        ["b_mode"] = "100644",
        ["diff"] = "@@ -1 +1 @@\n-old\n+new\n",
        ["new_file"] = false,
        ["renamed_file"] = change.OldPath != change.NewPath,
        ["deleted_file"] = false,
        ["generated_file"] = false,
    };

    public JsonObject MergeRequestNote(SimMergeRequestNote note) =>
        Note(note.Id, note.Body, note.AuthorId, note.CreatedAt, note.UpdatedAt, note.System, note.Internal,
            "MergeRequest", note.MergeRequest.Id, note.MergeRequest.Iid, note.MergeRequest.Project.Id);
}

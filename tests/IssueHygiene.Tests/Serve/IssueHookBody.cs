using System.Text.Json.Nodes;

namespace IssueHygiene.Tests.Serve;

/// <summary>The Issue Hook GitLab sends when someone (here root) updates an issue, as the serve-process tests post it.</summary>
internal static class IssueHookBody
{
    public static string Updated(long projectId, string projectPath, long id, long iid, string title, string state = "opened") => new JsonObject
    {
        ["object_kind"] = "issue",
        ["event_type"] = "issue",
        ["user"] = new JsonObject { ["id"] = 1, ["username"] = "root", ["name"] = "Administrator" },
        ["project"] = new JsonObject { ["id"] = projectId, ["path_with_namespace"] = projectPath },
        ["object_attributes"] = new JsonObject
        {
            ["id"] = id,
            ["iid"] = iid,
            ["project_id"] = projectId,
            ["title"] = title,
            ["state"] = state,
            ["action"] = "update",
            ["created_at"] = "2026-11-23 06:00:00 UTC",
            ["updated_at"] = "2026-11-23 09:00:00 UTC",
        },
    }.ToJsonString();
}

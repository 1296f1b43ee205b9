using System.Text.Json.Nodes;
using NJsonSchema;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// GitLab's own response schemas (tests/GitLabSamples/schemas, from gitlabhq spec fixtures), loaded as
/// NJsonSchema. Two fixtures need help, each said here and nowhere else:
/// - milestone.json uses <c>"type": "date"</c>, which is no JSON Schema type; read as a string or
///   null (GitLab returns null dates for undated milestones such as Backlog);
/// - fixtures older than today's API forbid keys GitLab now sends and documents
///   (tests/GitLabSamples/rest_*_response.json): <c>expired</c> on milestones, <c>project_id</c>,
///   <c>imported</c>, <c>imported_from</c> on notes. Only those keys are allowed in addition.
/// issues.json only says "an array of ./issue.json", so lists are validated item by item; merge requests likewise
/// against merge_request.json (the stored merge_requests.json fixtures are older, with <c>additionalProperties:
/// false</c> and no reviewers, merge_user or draft). merge_request.json's <c>$ref</c>s are resolved here to the copied
/// user/basic.json and milestone.json; a user reference may also be null where GitLab sends null for "nobody"
/// (no assignee, not merged, not closed: <c>"closed_by": null</c> in GitLab's own "Get single MR" example).
/// </summary>
internal static class GitLabSchemas
{
    public static async Task<JsonSchema> IssueAsync() =>
        await JsonSchema.FromJsonAsync(SharedFiles.ReadGitLab("schemas/public_api_v4_issue.schema.json"));

    public static async Task<JsonSchema> NotesAsync()
    {
        var schema = JsonNode.Parse(SharedFiles.ReadGitLab("schemas/public_api_v4_notes.schema.json"))!;
        var properties = schema["items"]!["properties"]!.AsObject();
        properties["project_id"] = new JsonObject { ["type"] = "integer" };
        properties["imported"] = new JsonObject { ["type"] = "boolean" };
        properties["imported_from"] = new JsonObject { ["type"] = "string" };
        return await JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    public static async Task<JsonSchema> MergeRequestAsync()
    {
        var schema = JsonNode.Parse(SharedFiles.ReadGitLab("schemas/public_api_v4_merge_request.schema.json"))!.AsObject();
        var properties = schema["properties"]!.AsObject();
        foreach (var (name, value) in properties.ToList())
        {
            if (value!["$ref"]?.GetValue<string>() == "user/basic.json")
            {
                properties[name] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, UserBasic()) };
            }
            else if (value["items"]?["$ref"]?.GetValue<string>() == "user/basic.json")
            {
                value["items"] = UserBasic();
            }
        }

        properties["milestone"] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, MilestoneNode()) };
        // Outside "properties" in the fixture (so never applied by GitLab's own specs), and it names a schema not copied.
        schema.Remove("head_pipeline");
        return await JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    private static JsonNode UserBasic() => JsonNode.Parse(SharedFiles.ReadGitLab("schemas/public_api_v4_user_basic.schema.json"))!;

    public static async Task<JsonSchema> MilestoneAsync() => await JsonSchema.FromJsonAsync(MilestoneNode().ToJsonString());

    private static JsonNode MilestoneNode()
    {
        var schema = JsonNode.Parse(SharedFiles.ReadGitLab("schemas/public_api_v4_milestone.schema.json"))!;
        var properties = schema["properties"]!.AsObject();
        foreach (var (name, value) in properties.ToList())
        {
            if (value!["type"] is JsonValue type && type.GetValue<string>() == "date")
            {
                properties[name] = new JsonObject { ["type"] = new JsonArray("string", "null") };
            }
        }

        properties["expired"] = new JsonObject { ["type"] = "boolean" };
        return schema;
    }

    /// <summary>Validation errors as readable lines (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode json) =>
        [.. schema.Validate(json.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}")];
}

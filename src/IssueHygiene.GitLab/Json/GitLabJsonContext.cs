using System.Text.Json;
using System.Text.Json.Serialization;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.GitLab.Json;

/// <summary>
/// Source-generated serializers for every GitLab shape this service reads or writes: snake_case names,
/// unknown members ignored (GitLab adds fields all the time), both timestamp forms accepted.
/// DTO members with a default are written <c>init =&gt; field = value ?? default</c>: the generated
/// deserializer assigns every init-only member, absent ones as null, which would otherwise break the
/// non-null contract (a missing <c>labels</c> must read as no labels).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(GitLabTimestampConverter), typeof(GitLabDateConverter)])]
[JsonSerializable(typeof(GitLabUser))]
[JsonSerializable(typeof(GitLabIssue))]
[JsonSerializable(typeof(List<GitLabIssue>))]
[JsonSerializable(typeof(GitLabNote))]
[JsonSerializable(typeof(List<GitLabNote>))]
[JsonSerializable(typeof(GitLabNoteCommands))]
[JsonSerializable(typeof(GitLabMilestone))]
[JsonSerializable(typeof(List<GitLabMilestone>))]
[JsonSerializable(typeof(GitLabLabel))]
[JsonSerializable(typeof(List<GitLabLabel>))]
[JsonSerializable(typeof(GitLabProject))]
[JsonSerializable(typeof(List<GitLabProject>))]
[JsonSerializable(typeof(GitLabGroup))]
[JsonSerializable(typeof(GitLabMember))]
[JsonSerializable(typeof(GitLabHook))]
[JsonSerializable(typeof(List<GitLabHook>))]
[JsonSerializable(typeof(GitLabErrorBody))]
[JsonSerializable(typeof(GitLabMergeRequest))]
[JsonSerializable(typeof(List<GitLabMergeRequest>))]
[JsonSerializable(typeof(List<GitLabMergeRequestDiff>))]
[JsonSerializable(typeof(MergeRequestHookPayload))]
[JsonSerializable(typeof(IssueHookPayload))]
[JsonSerializable(typeof(NoteHookPayload))]
[JsonSerializable(typeof(MilestoneHookPayload))]
[JsonSerializable(typeof(WebhookObjectKind))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class GitLabJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace IssueHygiene.GitLab.Json;

/// <summary>Serializers for the request bodies this client sends (internal: callers use the request records).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IssueUpdateBody))]
[JsonSerializable(typeof(NoteBody))]
[JsonSerializable(typeof(IssueCreateBody))]
[JsonSerializable(typeof(LabelCreateBody))]
[JsonSerializable(typeof(LabelUpdateBody))]
[JsonSerializable(typeof(MilestoneCreateBody))]
[JsonSerializable(typeof(ProjectHookCreateBody))]
internal sealed partial class GitLabRequestJsonContext : JsonSerializerContext;

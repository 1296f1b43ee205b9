using System.Text.Json;

namespace IssueHygiene.GitLab.Dtos;

/// <summary>A note (comment) on an issue.</summary>
public sealed record GitLabNote
{
    public required long Id { get; init; }

    public string? Type { get; init; }

    public string Body { get; init => field = value ?? string.Empty; } = string.Empty;

    public GitLabUser? Author { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>True for GitLab's own notes ("changed milestone to …").</summary>
    public bool System { get; init; }

    /// <summary>The issue's global id.</summary>
    public long NoteableId { get; init; }

    public string? NoteableType { get; init; }

    /// <summary>The issue's iid.</summary>
    public long? NoteableIid { get; init; }

    public long? ProjectId { get; init; }

    public bool? Confidential { get; init; }

    /// <summary>An internal note, visible to project members with Reporter access or more.</summary>
    public bool? Internal { get; init; }

    public bool? Resolvable { get; init; }

    /// <summary>What the note's quick actions changed (only in a create response).</summary>
    public Dictionary<string, JsonElement>? CommandsChanges { get; init; }
}

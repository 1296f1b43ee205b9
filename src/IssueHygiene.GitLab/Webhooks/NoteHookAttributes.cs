namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The note of a Note Hook (<c>object_attributes</c>).</summary>
public sealed record NoteHookAttributes
{
    public required long Id { get; init; }

    /// <summary>The note's Markdown text.</summary>
    public string Note { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary><c>Issue</c>, <c>MergeRequest</c>, <c>Commit</c>, <c>Snippet</c>.</summary>
    public required string NoteableType { get; init; }

    public long? AuthorId { get; init; }

    public long? ProjectId { get; init; }

    /// <summary>The noteable's global id (for an issue, its <c>id</c>, not its iid).</summary>
    public long? NoteableId { get; init; }

    public bool System { get; init; }

    public bool? Internal { get; init; }

    public bool? Confidential { get; init; }

    /// <summary><c>create</c> or <c>update</c>.</summary>
    public string? Action { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Url { get; init; }
}

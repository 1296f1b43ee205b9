namespace IssueHygiene.GitLab.Dtos;

/// <summary>A project or group webhook (GitLab never returns its secret token).</summary>
public sealed record GitLabHook
{
    public required long Id { get; init; }

    public required string Url { get; init; }

    public long? ProjectId { get; init; }

    public long? GroupId { get; init; }

    public bool IssuesEvents { get; init; }

    public bool ConfidentialIssuesEvents { get; init; }

    public bool NoteEvents { get; init; }

    public bool ConfidentialNoteEvents { get; init; }

    /// <summary>Merge Request Hooks (opened, updated, approved, merged, reopened): needed by the "Code review" rules.</summary>
    public bool MergeRequestsEvents { get; init; }

    public bool EnableSslVerification { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// <c>executable</c>, <c>temporarily_disabled</c> or <c>disabled</c>: GitLab switches off hooks whose deliveries
    /// keep failing. Null on GitLab versions before 15.1.
    /// </summary>
    public string? AlertStatus { get; init; }

    /// <summary>When a <c>temporarily_disabled</c> hook is tried again.</summary>
    public DateTimeOffset? DisabledUntil { get; init; }
}

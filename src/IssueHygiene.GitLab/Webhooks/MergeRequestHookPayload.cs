namespace IssueHygiene.GitLab.Webhooks;

/// <summary>The body of a <c>Merge Request Hook</c> delivery (<c>object_kind: merge_request</c>).</summary>
public sealed record MergeRequestHookPayload
{
    public required string ObjectKind { get; init; }

    public string? EventType { get; init; }

    /// <summary>Who acted (opened, updated, approved, merged…).</summary>
    public WebhookUser? User { get; init; }

    public required WebhookProject Project { get; init; }

    public required MergeRequestHookAttributes ObjectAttributes { get; init; }

    public List<WebhookLabel>? Labels { get; init; }

    public List<WebhookUser>? Reviewers { get; init; }

    /// <summary>The actions after which the rules may judge the MR differently.</summary>
    public static IReadOnlySet<string> EvaluatedActions { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "open", "reopen", "update", "approved", "approval", "merge" };

    /// <summary>True when the action can change a verdict (a close, or an unapproval, cannot).</summary>
    public bool IsEvaluated => ObjectAttributes.Action is null || EvaluatedActions.Contains(ObjectAttributes.Action);
}

using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Storage.Audit;

/// <summary>One write to GitLab (or, with <see cref="DryRun"/>, one that would have been made).</summary>
public sealed record AuditEntry
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required long ProjectId { get; init; }

    public required long IssueIid { get; init; }

    /// <summary>Rule ids the write is about (may be empty, e.g. an "all resolved" edit).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    public required WriteKind Kind { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>delivery:&lt;id&gt;</c> or <c>sweep:&lt;id&gt;</c> (see <see cref="AuditSources"/>).</summary>
    public required string Source { get; init; }

    public AuditOutcome Outcome { get; init; } = AuditOutcome.Ok;

    /// <summary>The error when <see cref="Outcome"/> is <see cref="AuditOutcome.Error"/>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Free text: note id, quick actions sent, REST fields changed.</summary>
    public string? Detail { get; init; }
}

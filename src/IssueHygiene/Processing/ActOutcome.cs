using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Processing;

/// <summary>What processing one issue found and did (the same shape for sweep, worker, polling and <c>lint</c>).</summary>
/// <param name="Verdict">The hygiene verdict acted on (null when the issue could not be read).</param>
/// <param name="Writes">The writes made (live) or that would be made (dry run, or refused by the budget).</param>
/// <param name="Status">Whether the writes happened.</param>
/// <param name="Error">The GitLab error that stopped this issue, when one did.</param>
public sealed record ActOutcome(Verdict? Verdict, IReadOnlyList<PlannedWrite> Writes, ActStatus Status, string? Error = null)
{
    /// <summary>The issue processed.</summary>
    public IssueKey? Issue { get; init; }

    /// <summary>Leaked credentials found (kind, place, masked form, fingerprint — never a value).</summary>
    public IReadOnlyList<FingerprintedFinding> SecretFindings { get; init; } = [];

    /// <summary>What the secret-leak planner decided.</summary>
    public SecretLeakAnswer SecretLeak { get; init; } = SecretLeakAnswer.NothingFound;

    /// <summary>
    /// GitLab did not answer a request for this issue (past its retries): whether a write took effect is unknown, and the
    /// next run plans again from GitLab's state. The sweep goes on unless this happens to several issues in a row.
    /// </summary>
    public GitLab.Errors.GitLabTransportException? Unanswered { get; init; }

    /// <summary>Ids, status and kinds only: the verdict's snapshot (and a write's text) may hold a leaked value.</summary>
    public override string ToString() =>
        $"project {Issue?.ProjectId} issue {Issue?.Iid}: {Status}, {Verdict?.Violations.Count ?? 0} finding(s), "
        + $"{SecretFindings.Count} credential(s) [{string.Join("; ", SecretFindings.Select(f => f.Describe()))}], {Writes.Count} write(s)";
}

/// <summary>An issue by project id and iid.</summary>
public sealed record IssueKey(long ProjectId, long Iid);

public enum ActStatus
{
    /// <summary>Nothing to write.</summary>
    NothingToDo,

    /// <summary>All writes made.</summary>
    Written,

    /// <summary>Dry run: the writes were planned and recorded, not made.</summary>
    Planned,

    /// <summary>The run's write budget did not allow the writes.</summary>
    BudgetExhausted,

    /// <summary>A GitLab request for this issue failed (403, 409, 5xx after retries…); the rest of its plan was not attempted.</summary>
    Failed,

    /// <summary>The issue is gone (deleted or moved: 404) since it was listed or queued: nothing left to keep tidy.</summary>
    Gone,
}

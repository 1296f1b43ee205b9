using IssueHygiene.Processing;


namespace IssueHygiene.Worker;

/// <summary>The result of handling one batch: done, or failed with a reason (retried with backoff, then dead-lettered).</summary>
public sealed record LintResult(bool Succeeded, string? Error = null, ActOutcome? Outcome = null);

using IssueHygiene.Storage.Audit;

namespace IssueHygiene.Processing;

/// <summary>Who asks the Actuator to act, and under which limits.</summary>
/// <param name="Source">Audit source: <c>sweep:&lt;id&gt;</c> or <c>delivery:&lt;id&gt;</c>.</param>
/// <param name="DryRun">Plan and record, write nothing (no request other than GET).</param>
/// <param name="Budget">The run's write budget.</param>
/// <param name="BotUserId">The token's user: only its notes count as lint notes (null: any author).</param>
/// <param name="AuditBuffer">
/// When set, audit entries are collected here and the caller appends them in batches (one durable commit for many
/// would-be writes of a dry-run sweep); when null each entry is committed as its write is made.
/// </param>
public sealed record ActContext(string Source, bool DryRun, WriteBudget Budget, long? BotUserId, List<AuditEntry>? AuditBuffer = null);

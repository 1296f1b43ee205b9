namespace IssueHygiene.Hygiene;

/// <summary>Who asks the Actuator to act, and under which limits.</summary>
/// <param name="Source">Audit source: <c>sweep:&lt;id&gt;</c> or <c>delivery:&lt;id&gt;</c>.</param>
/// <param name="DryRun">Plan and record, write nothing (no request other than GET).</param>
/// <param name="Budget">The run's write budget.</param>
/// <param name="BotUserId">The token's user: only its notes count as lint notes (null: any author).</param>
public sealed record ActContext(string Source, bool DryRun, WriteBudget Budget, long? BotUserId);

namespace IssueHygiene.Worker;

/// <summary>What a claimed batch of deliveries asks of one issue: evaluate it, plus the commands people wrote.</summary>
/// <param name="ProjectId">The issue's project, from the payload (the issue itself is fetched from the API).</param>
/// <param name="Iid">The issue.</param>
/// <param name="EventUuid">The newest delivery's <c>X-Gitlab-Event-UUID</c>, echoed on the API calls.</param>
/// <param name="Commands">Commands in comments, oldest first, with who wrote them.</param>
/// <param name="BotLintNoteIds">Ids of lint notes the bot created that the batch reports (writes made without an echo, e.g. by a sweep).</param>
/// <param name="NotesToScan">Comments (new or edited, not the bot's) to scan for leaked credentials.</param>
public sealed record IssueWork(
    long ProjectId,
    long Iid,
    string? EventUuid,
    IReadOnlyList<AuthoredCommand> Commands,
    IReadOnlyList<long> BotLintNoteIds,
    IReadOnlyList<Core.Secrets.NoteToScan> NotesToScan);

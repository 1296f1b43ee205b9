using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Worker;

/// <summary>What a claimed batch of deliveries asks of one issue: evaluate it, plus the commands people wrote.</summary>
/// <param name="EventUuid">The newest delivery's <c>X-Gitlab-Event-UUID</c>, echoed on the API calls.</param>
/// <param name="Commands">Commands in comments, oldest first, with who wrote them (author and text as GitLab has them).</param>
/// <param name="BotLintNoteIds">Ids of lint notes the bot created that the batch reports (writes made without an echo, e.g. by a sweep).</param>
/// <param name="NotesToScan">Comments (new or edited, not the bot's) to scan for leaked credentials.</param>
/// <param name="Notices">Answers owed without running anything (commands over the per-comment cap).</param>
public sealed record IssueWork(
    string? EventUuid,
    IReadOnlyList<AuthoredCommand> Commands,
    IReadOnlyList<long> BotLintNoteIds,
    IReadOnlyList<Core.Secrets.NoteToScan> NotesToScan,
    IReadOnlyList<NoteReply> Notices);

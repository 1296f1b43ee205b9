using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Storage;
using IssueHygiene.Storage.LintNotes;

namespace IssueHygiene.Worker;

/// <summary>
/// Carries out the comment commands of one claimed batch, for an issue or a merge request alike: the answers go into
/// the item's sticky note, a waiver from a Developer or more is recorded. Waivers are stored under the item's key
/// (an MR's is its queue key, the negated iid), so an MR and the issue with the same number never share one.
/// </summary>
public sealed partial class CommentCommandRunner(
    IGitLabDirectory directory,
    IHygieneStore store,
    Evaluator evaluator,
    TimeProvider time,
    ILogger<CommentCommandRunner> logger)
{
    /// <summary>The answers owed (notices first), and whether someone asked for an explanation.</summary>
    public async Task<(List<NoteReply> Replies, bool Explain)> RunAsync(
        long projectId, long itemKey, IssueWork work, bool onMergeRequest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var replies = new List<NoteReply>(work.Notices);
        var explain = false;
        var access = new Dictionary<long, GitLabAccessLevel>();
        foreach (var command in work.Commands)
        {
            explain |= command.Command is CommentCommand.Explain;
            var reply = command.Command is CommentCommand.Waive waive
                ? await WaiveAsync(projectId, itemKey, waive, command, access, now, onMergeRequest, cancellationToken)
                : CommandReplies.Answer(command);
            if (reply is not null)
            {
                replies.Add(reply);
            }
        }

        return (replies, explain);
    }

    /// <summary>
    /// Records a waiver from a Developer or more. The author's access is looked up once per author per batch, and only
    /// for a waiver that is otherwise valid, so a long comment costs a bounded number of API calls.
    /// </summary>
    private async Task<NoteReply?> WaiveAsync(
        long projectId, long itemKey, CommentCommand.Waive waive, AuthoredCommand authored, Dictionary<long, GitLabAccessLevel> access,
        DateTimeOffset now, bool onMergeRequest, CancellationToken cancellationToken)
    {
        if (WaiverRules.CheckRequest(waive, authored.AuthorUsername, evaluator.Policy.TodayAt(now), onMergeRequest) is { } refusal)
        {
            return refusal;
        }

        var level = GitLabAccessLevel.None;
        if (authored.AuthorId is { } authorId && !access.TryGetValue(authorId, out level))
        {
            level = await directory.GetEffectiveAccessLevelAsync(IdOrPath.FromId(projectId), authorId, cancellationToken);
            access[authorId] = level;
        }

        if (WaiverRules.CheckAccess(waive, authored.AuthorUsername, level >= GitLabAccessLevel.Developer) is { } denied)
        {
            LogWaiverRefused(logger, projectId, itemKey, waive.RuleId, level);
            return denied;
        }

        await store.LintNotes.UpsertWaiverAsync(
            new Waiver(projectId, itemKey, waive.RuleId, waive.Until, waive.Reason, authored.AuthorUsername, now),
            cancellationToken);
        LogWaived(logger, projectId, itemKey, waive.RuleId, waive.Until);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiver of {Rule} on project {ProjectId} item {ItemKey} refused: access {Access}")]
    private static partial void LogWaiverRefused(ILogger logger, long projectId, long itemKey, string rule, GitLabAccessLevel access);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {Rule} waived on project {ProjectId} item {ItemKey} until {Until}")]
    private static partial void LogWaived(ILogger logger, long projectId, long itemKey, string rule, DateOnly? until);
}

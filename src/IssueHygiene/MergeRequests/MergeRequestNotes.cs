using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.Processing;

namespace IssueHygiene.MergeRequests;

/// <summary>
/// One merge request's notes for one plan, listed at most once (the sticky note and the secret-leak notes share the
/// list). None are listed when GitLab counts no user notes on the MR, unless the count may be stale (under the write
/// lock). Only the bot's notes count (any author when the bot is unknown).
/// </summary>
internal sealed class MergeRequestNotes(IGitLabMergeRequests gitLab, MergeRequestSnapshot mergeRequest, ActContext context, bool listEvenWhenNoneCounted)
{
    private List<GitLabNote>? _notes;

    /// <summary>Requests made (0 or 1).</summary>
    public int Requests { get; private set; }

    /// <summary>The bot's sticky notes (<see cref="LintNote"/> marker).</summary>
    public async Task<IReadOnlyList<ExistingNote>> LintNotesAsync(CancellationToken cancellationToken) =>
        [.. (await BotsAsync(cancellationToken)).Where(n => LintNote.IsLintNote(n.Body)).Select(n => ExistingNote.FromBody(n.Id, n.Body))];

    /// <summary>Fingerprints already answered: those in the bot's secret-leak notes on the MR.</summary>
    public async Task<IReadOnlySet<string>> AnsweredFingerprintsAsync(CancellationToken cancellationToken) =>
        (await BotsAsync(cancellationToken)).SelectMany(n => SecretLeakNote.FingerprintsOf(n.Body)).ToHashSet(StringComparer.Ordinal);

    private async Task<IEnumerable<GitLabNote>> BotsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(n => !n.System && (context.BotUserId is null || n.Author?.Id == context.BotUserId));

    private async Task<IReadOnlyList<GitLabNote>> ListAsync(CancellationToken cancellationToken)
    {
        if (_notes is null)
        {
            _notes = [];
            if (listEvenWhenNoneCounted || mergeRequest.UserNotesCount != 0)
            {
                Requests++;
                await foreach (var note in gitLab.ListMergeRequestNotesAsync(IdOrPath.FromId(mergeRequest.ProjectId), mergeRequest.Iid, cancellationToken))
                {
                    _notes.Add(note);
                }
            }
        }

        return _notes;
    }
}

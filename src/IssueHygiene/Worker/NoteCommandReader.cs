using IssueHygiene.Core.Commands;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;

namespace IssueHygiene.Worker;

/// <summary>
/// Reads the comments a batch reports from GitLab (one request each): the author and text GitLab has now, not what a
/// payload claims, decide who asked and what. Only the bot's own comments are passed over; anyone else's comment is
/// scanned for credentials and read for commands even when it imitates the bot's marker.
/// </summary>
public sealed class NoteCommandReader(IGitLabIssueReader gitLab, IGitLabMergeRequests mergeRequests, LintWorkerOptions options)
{
    public async Task<IssueWork> ReadAsync(long projectId, long iid, BatchNotes batch, long botUserId, string botUsername, CancellationToken cancellationToken, bool onMergeRequest = false)
    {
        var commands = new List<AuthoredCommand>();
        var botNotes = new List<long>();
        var notesToScan = new List<Core.Secrets.NoteToScan>();
        var notices = new List<NoteReply>();
        foreach (var digest in batch.Notes)
        {
            GitLab.Dtos.GitLabNote note;
            try
            {
                note = onMergeRequest
                    ? await mergeRequests.GetMergeRequestNoteAsync(IdOrPath.FromId(projectId), iid, digest.NoteId!.Value, cancellationToken)
                    : await gitLab.GetIssueNoteAsync(IdOrPath.FromId(projectId), iid, digest.NoteId!.Value, cancellationToken);
            }
            catch (GitLabNotFoundException)
            {
                // Deleted since, or not on this issue or MR: nothing to read.
                continue;
            }

            if (note.System)
            {
                continue;
            }

            var author = note.Author;
            if (author?.Id == botUserId)
            {
                // The bot's own note (its echo) is never read as commands. A lint note created without our echo header
                // (by a sweep) may race one of ours: the worker then checks the issue's notes instead of the index.
                if (LintNote.IsLintNote(note.Body) && digest.NoteAction is "create")
                {
                    botNotes.Add(note.Id);
                }

                continue;
            }

            // Any comment, new or edited, may carry a pasted credential.
            notesToScan.Add(new Core.Secrets.NoteToScan(note.Id, note.Body, author is null ? null : new Core.Issues.UserRef(author.Id, author.Username)));

            // Edits of an old comment do not run its commands again.
            if (digest.NoteAction is "update" || author is null)
            {
                continue;
            }

            var parsed = CommentCommandParser.Parse(note.Body, botUsername, options.MaxCommandsPerComment);
            commands.AddRange(parsed.Commands.Select(c => new AuthoredCommand(c, author.Id, author.Username)));
            if (parsed.Ignored > 0)
            {
                notices.Add(CommandReplies.OverCap(author.Username, parsed.Ignored, options.MaxCommandsPerComment));
            }
        }

        return new IssueWork(batch.EventUuid, commands, botNotes, notesToScan, notices);
    }
}

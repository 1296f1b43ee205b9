using System.Text;
using IssueHygiene.Core.Rendering;
using IssueHygiene.GitLab.Webhooks;
using IssueHygiene.Storage.Deliveries;

namespace IssueHygiene.Worker;

/// <summary>
/// The decide step's input: reads a claimed batch's stored payloads into one <see cref="IssueWork"/>. The payloads
/// only say which issue and which comments: issue state always comes from the API, since a payload may be stale.
/// </summary>
public static class DeliveryBatchReader
{
    public static IssueWork Read(ClaimedBatch batch, long botUserId, string botUsername)
    {
        var commands = new List<AuthoredCommand>();
        var botNotes = new List<long>();
        var notesToScan = new List<Core.Secrets.NoteToScan>();
        long projectId = batch.ProjectId ?? 0;
        long iid = batch.IssueIid ?? 0;
        foreach (var delivery in batch.Deliveries)
        {
            if (GitLabWebhookParser.Parse(delivery.EventName, Encoding.UTF8.GetBytes(delivery.Payload)) is not WebhookEvent.Note { Payload: var note })
            {
                continue;
            }

            var authorId = note.ObjectAttributes.AuthorId ?? note.User?.Id;
            var body = note.ObjectAttributes.Note;
            if (authorId == botUserId || LintNote.IsLintNote(body))
            {
                // The bot's own note (its echo): never read as commands. A lint note created without our echo header
                // (by a sweep) may race one of ours: the worker then checks the issue's notes instead of the index.
                if (authorId == botUserId && LintNote.IsLintNote(body) && note.ObjectAttributes.Action is null or "create")
                {
                    botNotes.Add(note.ObjectAttributes.Id);
                }

                continue;
            }

            // Any comment, new or edited, may carry a pasted credential.
            notesToScan.Add(new Core.Secrets.NoteToScan(
                note.ObjectAttributes.Id,
                body,
                authorId is { } id ? new Core.Issues.UserRef(id, note.User?.Username ?? string.Empty) : null));

            // Edits of an old comment do not run its commands again.
            if (note.ObjectAttributes.Action is "update")
            {
                continue;
            }

            foreach (var command in CommentCommandParser.Parse(body, botUsername))
            {
                commands.Add(new AuthoredCommand(command, authorId, note.User?.Username ?? string.Empty));
            }
        }

        var eventUuid = batch.Deliveries.LastOrDefault(d => d.EventUuid is not null)?.EventUuid;
        return new IssueWork(projectId, iid, eventUuid, commands, botNotes, notesToScan);
    }
}

using System.Globalization;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Commands;

/// <summary>
/// The decide step for comment commands: what the sticky note answers, and whether a waiver may be recorded. User text
/// (usernames, rule ids as typed, problems quoting the command) stays in the reply's arguments, so the renderer quotes it.
/// </summary>
public static class CommandReplies
{
    /// <summary>The answer to a command that needs no look-up, or null (lint, explain, and waivers still to check).</summary>
    public static NoteReply? Answer(AuthoredCommand authored) => authored.Command switch
    {
        CommentCommand.Help => new NoteReply("Commands (write them on a line of their own): {0}. Waivers need Developer access or more.", [CommentCommandParser.Usage]),
        CommentCommand.Invalid invalid => new NoteReply("Not understood from {0}: {1}. Usage: {2}", [authored.AuthorUsername, invalid.Problem, CommentCommandParser.Usage]),
        _ => null,
    };

    /// <summary>Said once for a comment that holds more commands than are acted on.</summary>
    public static NoteReply OverCap(string author, int ignored, int cap) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{ignored} more commands from {{0}} in one comment were not run: at most {cap} per comment are."), [author]);
}

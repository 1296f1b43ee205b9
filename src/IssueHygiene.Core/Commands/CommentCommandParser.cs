using System.Globalization;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.Commands;

/// <summary>
/// Finds <c>@bot …</c> commands in a comment's Markdown. A command is a line that starts with the mention and that
/// GitLab renders as a plain paragraph line (<see cref="PlainParagraphLines"/>): quoting someone's command, showing
/// the syntax in code, or hiding it in an HTML comment never runs it.
/// </summary>
public static partial class CommentCommandParser
{
    public const string Usage = "@bot lint | @bot explain | @bot waive RULE [until YYYY-MM-DD] [reason] | @bot help";

    /// <summary>Commands acted on per comment unless configured otherwise (<c>Worker:MaxCommandsPerComment</c>).</summary>
    public const int DefaultMaxPerComment = 10;

    /// <summary>Every command addressed to <paramref name="botUsername"/>, in order.</summary>
    public static IReadOnlyList<CommentCommand> Parse(string note, string botUsername) => Parse(note, botUsername, int.MaxValue).Commands;

    /// <summary>The first <paramref name="maxCommands"/> commands, and how many more the comment holds.</summary>
    public static ParsedComment Parse(string note, string botUsername, int maxCommands)
    {
        var commands = new List<CommentCommand>();
        var over = 0;
        if (string.IsNullOrEmpty(botUsername))
        {
            return new ParsedComment(commands, 0);
        }

        foreach (var line in PlainParagraphLines.Of(note))
        {
            var match = CommandLine().Match(line);
            if (!match.Success || !string.Equals(match.Groups["user"].Value, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (commands.Count >= maxCommands)
            {
                over++;
                continue;
            }

            commands.Add(ParseCommand(match.Groups["verb"].Value, match.Groups["rest"].Value.Trim()));
        }

        return new ParsedComment(commands, over);
    }

    private static CommentCommand ParseCommand(string verb, string rest) => verb.ToLowerInvariant() switch
    {
        "lint" => new CommentCommand.Lint(),
        "explain" => new CommentCommand.Explain(),
        "help" => new CommentCommand.Help(),
        "waive" => ParseWaive(rest),
        "" => new CommentCommand.Invalid("no command given"),
        _ => new CommentCommand.Invalid($"unknown command '{verb}'"),
    };

    private static CommentCommand ParseWaive(string rest)
    {
        var match = WaiveArguments().Match(rest);
        if (!match.Success)
        {
            return new CommentCommand.Invalid("waive needs a rule id: @bot waive RULE [until YYYY-MM-DD] [reason]");
        }

        DateOnly? until = null;
        if (match.Groups["until"].Success)
        {
            if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new CommentCommand.Invalid($"'{match.Groups["until"].Value}' is not a date (YYYY-MM-DD)");
            }

            until = date;
        }

        return new CommentCommand.Waive(match.Groups["rule"].Value.ToLowerInvariant(), until, match.Groups["reason"].Value.Trim());
    }

    // "@name verb rest"; the username charset is GitLab's (letters, digits, '_', '-', '.').
    [GeneratedRegex(@"^@(?<user>[A-Za-z0-9_.\-]+)(?:\s+(?<verb>\S+))?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^(?<rule>[A-Za-z0-9][A-Za-z0-9\-]*)(?:\s+until\s+(?<until>\S+))?(?:\s+(?<reason>.*))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WaiveArguments();
}

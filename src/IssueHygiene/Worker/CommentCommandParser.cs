using System.Globalization;
using System.Text.RegularExpressions;

namespace IssueHygiene.Worker;

/// <summary>
/// Finds <c>@bot …</c> commands in a comment's Markdown. A command is a line (after optional spaces) that starts with
/// the mention; lines in fenced or indented code blocks and in quotes are ignored, so quoting someone's command or
/// documenting the syntax never runs it.
/// </summary>
public static partial class CommentCommandParser
{
    public const string Usage = "@bot lint | @bot explain | @bot waive RULE [until YYYY-MM-DD] [reason] | @bot help";

    public static IReadOnlyList<CommentCommand> Parse(string note, string botUsername)
    {
        var commands = new List<CommentCommand>();
        if (string.IsNullOrEmpty(botUsername))
        {
            return commands;
        }

        string? fence = null;
        var previousBlank = true;
        foreach (var rawLine in note.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim('`', '~').Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                continue;
            }

            // An indented code block needs a blank line before it; a quote starts with '>'.
            var indentedCode = previousBlank && (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'));
            previousBlank = trimmed.Length == 0;
            if (indentedCode || trimmed.StartsWith('>'))
            {
                continue;
            }

            var match = CommandLine().Match(trimmed);
            if (match.Success && string.Equals(match.Groups["user"].Value, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                commands.Add(ParseCommand(match.Groups["verb"].Value, match.Groups["rest"].Value.Trim()));
            }
        }

        return commands;
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

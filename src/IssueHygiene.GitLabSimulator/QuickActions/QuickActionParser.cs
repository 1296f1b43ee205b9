using System.Text;
using System.Text.RegularExpressions;

namespace IssueHygiene.GitLabSimulator.QuickActions;

/// <summary>
/// Finds quick actions the way GitLab's extractor does: a command is a whole line starting with
/// <c>/name</c>; lines inside fenced code blocks are text; a command that is unknown (or
/// <c>/cc</c>, gone since 18.3) stays as text. A known command is removed whether or not this
/// user may run it here (the executor decides that).
/// </summary>
internal static partial class QuickActionParser
{
    public static ParsedNote Parse(string body, Func<string, bool> isKnown)
    {
        var commands = new List<QuickActionCommand>();
        var kept = new StringBuilder();
        string? fence = null;
        foreach (var rawLine in body.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = rawLine.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                AppendLine(kept, rawLine);
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                AppendLine(kept, rawLine);
                continue;
            }

            var match = CommandLine().Match(rawLine);
            if (match.Success)
            {
                var name = match.Groups["name"].Value.ToLowerInvariant();
                if (isKnown(name))
                {
                    commands.Add(new QuickActionCommand(name, match.Groups["arg"].Value.Trim()));
                    continue;
                }
            }

            AppendLine(kept, rawLine);
        }

        return new ParsedNote(commands, kept.ToString().Trim());
    }

    private static void AppendLine(StringBuilder text, string line)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line);
    }

    /// <summary>Label references: <c>~"with spaces"</c>, <c>~bare</c>, <c>~123</c>, or a bare word.</summary>
    public static IReadOnlyList<string> LabelReferences(string argument) =>
        [.. LabelReference().Matches(argument).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value).Where(s => s.Length > 0)];

    /// <summary>User references: <c>@name</c> tokens, or <c>me</c>.</summary>
    public static IReadOnlyList<string> UserReferences(string argument) =>
        [.. argument.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Select(t => t.TrimStart('@')).Where(t => t.Length > 0)];

    /// <summary>A milestone reference: <c>%"Title"</c>, <c>%Title</c> or the bare title.</summary>
    public static string MilestoneReference(string argument)
    {
        var text = argument.Trim();
        if (text.StartsWith('%'))
        {
            text = text[1..];
        }

        if (text.Length >= 2 && text[0] == '"' && text.IndexOf('"', 1) is var end and > 0)
        {
            return text[1..end];
        }

        return text;
    }

    [GeneratedRegex(@"^/(?<name>[A-Za-z_]+)(?:[ \t]+(?<arg>.*))?[ \t]*$")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"~""(?<quoted>[^""]*)""|~?(?<bare>[^\s~"",]+)")]
    private static partial Regex LabelReference();
}

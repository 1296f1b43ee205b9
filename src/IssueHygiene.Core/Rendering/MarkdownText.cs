using System.Text;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// Puts user-controlled text (label names, milestone titles, usernames) into GitLab Markdown so that it can never
/// start a line, run a quick action, mention anyone or break a table: it becomes an inline code span on one line.
/// </summary>
public static class MarkdownText
{
    /// <summary>An inline code span holding <paramref name="text"/> on one line, safe inside a table cell.</summary>
    public static string Code(string text)
    {
        var flat = Flatten(text);
        // A code span's fence must be longer than any run of backticks inside it (CommonMark).
        var longestRun = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') || flat.Length == 0 ? " " : string.Empty;
        // GFM splits table cells on '|' even inside code spans; the escaped pipe renders as '|'.
        return fence + pad + flat.Replace("|", "\\|", StringComparison.Ordinal) + pad + fence;
    }

    /// <summary>One line: control characters and line breaks become spaces, runs of spaces collapse.</summary>
    public static string Flatten(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029';
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    /// <summary>Trusted text (rules file, our own messages) on one line for a table cell.</summary>
    public static string Cell(string text) => Flatten(text).Replace("|", "\\|", StringComparison.Ordinal);
}

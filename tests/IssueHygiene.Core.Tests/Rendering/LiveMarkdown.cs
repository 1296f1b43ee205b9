using System.Text.RegularExpressions;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>
/// A small reader of GitLab Markdown that lists every construct that does something when rendered: a mention, a
/// reference (<c>#1 !1 %m ~l $s &amp;e</c>), a link, autolink or image, HTML or an entity (which decodes to text GitLab's
/// filters then read), a quick action at a line start, a table row with more cells than its header, and any hidden
/// character. Code spans and fenced code are read as CommonMark does and are inert, so what is inside them is skipped.
/// </summary>
internal static partial class LiveMarkdown
{
    public static IReadOnlyList<string> Find(string markdown)
    {
        var found = new List<string>();
        found.AddRange(Hidden(markdown).Select(c => $"hidden U+{c:X4}"));

        string? fence = null;
        int? headerCells = null;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            if (Fence().Match(trimmed) is { Success: true } open)
            {
                fence = open.Value;
                continue;
            }

            if (trimmed.StartsWith('/'))
            {
                found.Add("quick action: " + line);
            }

            if (trimmed.StartsWith('|'))
            {
                var cells = CountCellSeparators(trimmed);
                headerCells ??= cells;
                if (cells != headerCells)
                {
                    found.Add("table break: " + line);
                }
            }
            else
            {
                headerCells = null;
            }

            var outside = OutsideCodeSpans(line);
            foreach (Match m in Live().Matches(outside))
            {
                found.Add("live: " + m.Value);
            }
        }

        return found;
    }

    /// <summary>Code points that are invisible or reorder text (a surrogate pair is one code point; a lone one is hidden).</summary>
    public static IEnumerable<int> Hidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text, i) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.PrivateUse)
                {
                    yield return char.ConvertToUtf32(text[i], text[i + 1]);
                }

                i++;
            }
            else if (MarkdownText.IsHidden(text[i]))
            {
                yield return text[i];
            }
        }
    }

    /// <summary>GFM: a cell separator is a '|' not escaped as <c>\|</c> (escaping applies inside code spans too).</summary>
    private static int CountCellSeparators(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                i++;
                continue;
            }

            count += row[i] == '|' ? 1 : 0;
        }

        return count;
    }

    /// <summary>The line with every code span (a backtick run closed by a run of the same length) removed.</summary>
    private static string OutsideCodeSpans(string line)
    {
        var text = new System.Text.StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] != '`')
            {
                text.Append(line, i, 2);
                i += 2;
                continue;
            }

            if (line[i] != '`')
            {
                text.Append(line[i++]);
                continue;
            }

            var run = 0;
            while (i + run < line.Length && line[i + run] == '`')
            {
                run++;
            }

            var close = FindRun(line, i + run, run);
            if (close < 0)
            {
                text.Append(line, i, run);
                i += run;
            }
            else
            {
                text.Append(' ');
                i = close + run;
            }
        }

        return text.ToString();
    }

    private static int FindRun(string line, int from, int length)
    {
        for (var i = from; i < line.Length;)
        {
            if (line[i] != '`')
            {
                i++;
                continue;
            }

            var run = 0;
            while (i + run < line.Length && line[i + run] == '`')
            {
                run++;
            }

            if (run == length)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();

    // Mentions and references (GitLab's filters read text nodes), links and images, autolinks, HTML, entities.
    [GeneratedRegex(@"@[\w.\-/]|[#!%~$&]\d|[%~]""|[%~][A-Za-z_]|\$[A-Za-z]|\]\(|\]\[|\]:|!\[|<[A-Za-z/!?]|https?:|www\.|&#?[A-Za-z0-9]+;|:[a-z_]+:")]
    private static partial Regex Live();
}

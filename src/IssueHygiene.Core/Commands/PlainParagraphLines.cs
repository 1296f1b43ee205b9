using System.Text;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.Commands;

/// <summary>
/// The lines of a comment that GitLab renders as plain text lines of a top-level paragraph (CommonMark + GFM + GLFM),
/// each without its indentation. Everything else is left out: fenced code of any length (backticks or tildes; the
/// closing fence at least as long), indented code, front matter, <c>$$</c> math, HTML blocks (comments included),
/// block quotes with their lazy continuation lines, GitLab's <c>&gt;&gt;&gt;</c> quotes, list items, tables, setext
/// headings, and lines that begin inside an inline code span or inline HTML (a comment spanning lines).
/// </summary>
/// <remarks>
/// Where modelling CommonMark exactly would take a full parser, this errs towards leaving a line out: a command a
/// reader does not see as a command must never run, while a command the reader sees can always be written on a line
/// of its own. GitLab's own quick-action extractor (<c>Gitlab::QuickActions::Extractor</c>) removes only triple
/// backtick blocks, single-line HTML blocks and <c>&gt;&gt;&gt;</c> quotes before matching lines; this is stricter.
/// </remarks>
public static partial class PlainParagraphLines
{
    private enum Block
    {
        None,
        Fenced,
        IndentedCode,
        Html,
        Quote,
        MultilineQuote,
        List,
        Table,
    }

    public static IReadOnlyList<string> Of(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var result = new List<string>();
        var paragraph = new List<(string Content, int Indent)>();
        var block = Block.None;
        var fenceChar = '\0';
        var fenceLength = 0;
        string? htmlEnd = null;
        var blankInList = false;
        var start = FrontMatterEnd(lines);

        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var (indent, content) = SplitIndent(line);
            var blank = content.Trim().Length == 0;
            switch (block)
            {
                case Block.Fenced:
                    if (indent <= 3 && IsClosingFence(content, fenceChar, fenceLength))
                    {
                        block = Block.None;
                    }

                    continue;
                case Block.MultilineQuote:
                    if (indent == 0 && MultilineQuoteFence().IsMatch(content))
                    {
                        block = Block.None;
                    }

                    continue;
                case Block.Html:
                    if (htmlEnd is null ? blank : content.Contains(htmlEnd, StringComparison.OrdinalIgnoreCase))
                    {
                        block = Block.None;
                    }

                    continue;
                case Block.IndentedCode:
                    if (blank || indent >= 4)
                    {
                        continue;
                    }

                    block = Block.None;
                    break;
                case Block.Quote:
                    // A non-blank line after a quote continues it (lazily) unless it opens a block of its own.
                    if (blank)
                    {
                        block = Block.None;
                        continue;
                    }

                    if ((indent <= 3 && content.StartsWith('>')) || !InterruptsParagraph(indent, content))
                    {
                        continue;
                    }

                    block = Block.None;
                    break;
                case Block.List:
                    if (blank)
                    {
                        blankInList = true;
                        continue;
                    }

                    if (!blankInList || indent >= 2 || ListMarker().IsMatch(content))
                    {
                        blankInList = false;
                        continue;
                    }

                    block = Block.None;
                    break;
                case Block.Table:
                    if (!blank)
                    {
                        continue;
                    }

                    block = Block.None;
                    continue;
            }

            // Block.None: a paragraph may be open.
            if (blank)
            {
                Flush(paragraph, result);
                continue;
            }

            if (indent >= 4)
            {
                if (paragraph.Count > 0)
                {
                    paragraph.Add((content, indent));
                }
                else
                {
                    block = Block.IndentedCode;
                }

                continue;
            }

            if (OpeningFence(content) is { } fence)
            {
                Flush(paragraph, result);
                (block, fenceChar, fenceLength) = (Block.Fenced, fence.Char, fence.Length);
                continue;
            }

            if (indent == 0 && MultilineQuoteFence().IsMatch(content))
            {
                Flush(paragraph, result);
                block = Block.MultilineQuote;
                continue;
            }

            if (content.StartsWith('>'))
            {
                Flush(paragraph, result);
                block = Block.Quote;
                continue;
            }

            if (HtmlBlockStart(content, paragraph.Count > 0) is { } end)
            {
                Flush(paragraph, result);
                htmlEnd = end.Length == 0 ? null : end;
                block = end.Length > 0 && content.Contains(end, StringComparison.OrdinalIgnoreCase) && !SelfOpeningOnly(content, end) ? Block.None : Block.Html;
                continue;
            }

            if (ListMarker().IsMatch(content))
            {
                Flush(paragraph, result);
                block = Block.List;
                blankInList = false;
                continue;
            }

            if (paragraph.Count > 0 && SetextUnderline().IsMatch(content))
            {
                // The paragraph is a heading.
                paragraph.Clear();
                continue;
            }

            if (paragraph.Count > 0 && TableDelimiterRow().IsMatch(content) && content.Contains('|'))
            {
                // The paragraph's last line is a table's header row.
                paragraph.RemoveAt(paragraph.Count - 1);
                Flush(paragraph, result);
                block = Block.Table;
                continue;
            }

            if (ThematicBreak().IsMatch(content) || AtxHeading().IsMatch(content))
            {
                Flush(paragraph, result);
                continue;
            }

            paragraph.Add((content, indent));
        }

        if (block is Block.None)
        {
            Flush(paragraph, result);
        }

        return result;
    }

    /// <summary>Emits the paragraph's lines that start outside inline code and inline HTML.</summary>
    private static void Flush(List<(string Content, int Indent)> paragraph, List<string> result)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        var starts = new List<int>();
        foreach (var (content, _) in paragraph)
        {
            starts.Add(text.Length);
            text.Append(content.TrimEnd()).Append('\n');
        }

        var hidden = HiddenRanges(text.ToString());
        for (var i = 0; i < paragraph.Count; i++)
        {
            var position = starts[i];
            if (paragraph[i].Indent <= 3 && !hidden.Any(r => r.Start < position && position < r.End))
            {
                result.Add(paragraph[i].Content.TrimEnd());
            }
        }

        paragraph.Clear();
    }

    /// <summary>Inline code spans and inline raw HTML (comments, tags) as [Start, End) ranges of the paragraph text.</summary>
    private static List<(int Start, int End)> HiddenRanges(string text)
    {
        var ranges = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
            {
                i += 2;
                continue;
            }

            if (c == '`')
            {
                var run = RunLength(text, i, '`');
                var close = FindBacktickRun(text, i + run, run);
                if (close >= 0)
                {
                    ranges.Add((i, close + run));
                    i = close + run;
                }
                else
                {
                    i += run;
                }

                continue;
            }

            if (c == '<' && InlineHtmlEnd(text, i) is { } end)
            {
                ranges.Add((i, end));
                i = end;
                continue;
            }

            i++;
        }

        return ranges;
    }

    private static int? InlineHtmlEnd(string text, int i)
    {
        var rest = text.AsSpan(i);
        if (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            var close = text.IndexOf("-->", i + 2, StringComparison.Ordinal);
            return close < 0 ? null : close + 3;
        }

        if (rest.Length > 1 && (char.IsAsciiLetter(rest[1]) || rest[1] is '/' or '?' or '!'))
        {
            var close = text.IndexOf('>', i + 1);
            return close < 0 ? null : close + 1;
        }

        return null;
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static int FindBacktickRun(string text, int from, int length)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var run = RunLength(text, i, '`');
            if (run == length)
            {
                return i;
            }

            i += run - 1;
        }

        return -1;
    }

    private static int RunLength(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Columns of leading white space (a tab advances to the next multiple of 4) and the rest of the line.</summary>
    private static (int Indent, string Content) SplitIndent(string line)
    {
        var column = 0;
        var index = 0;
        while (index < line.Length && line[index] is ' ' or '\t')
        {
            column = line[index] == '\t' ? column + 4 - (column % 4) : column + 1;
            index++;
        }

        return (column, line[index..]);
    }

    private static (char Char, int Length)? OpeningFence(string content)
    {
        if (content.Length < 3 || content[0] is not ('`' or '~'))
        {
            return MathFence().IsMatch(content) ? ('$', 2) : null;
        }

        var run = RunLength(content, 0, content[0]);
        if (run < 3 || (content[0] == '`' && content.IndexOf('`', run) >= 0))
        {
            return null;
        }

        return (content[0], run);
    }

    private static bool IsClosingFence(string content, char fenceChar, int length)
    {
        if (fenceChar == '$')
        {
            return MathFence().IsMatch(content);
        }

        var run = RunLength(content, 0, fenceChar);
        return run >= length && content[run..].Trim().Length == 0;
    }

    /// <summary>Whether a line would end a paragraph (so it cannot be a lazy continuation line).</summary>
    private static bool InterruptsParagraph(int indent, string content) =>
        indent <= 3 && (OpeningFence(content) is not null || content.StartsWith('>') || HtmlBlockStart(content, true) is not null
            || ThematicBreak().IsMatch(content) || AtxHeading().IsMatch(content) || ListMarker().IsMatch(content));

    /// <summary>
    /// The end marker of the HTML block this line starts ("" = ends at a blank line), or null when it starts none.
    /// Type 7 (any complete tag alone on its line) cannot interrupt a paragraph.
    /// </summary>
    private static string? HtmlBlockStart(string content, bool inParagraph)
    {
        if (!content.StartsWith('<'))
        {
            return null;
        }

        if (HtmlRawTag().Match(content) is { Success: true } raw)
        {
            return "</" + raw.Groups[1].Value.ToLowerInvariant() + ">";
        }

        if (content.StartsWith("<!--", StringComparison.Ordinal))
        {
            return "-->";
        }

        if (content.StartsWith("<?", StringComparison.Ordinal))
        {
            return "?>";
        }

        if (content.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return "]]>";
        }

        if (content.Length > 2 && content[1] == '!' && char.IsAsciiLetter(content[2]))
        {
            return ">";
        }

        if (HtmlBlockTag().IsMatch(content))
        {
            return string.Empty;
        }

        return !inParagraph && HtmlCompleteTag().IsMatch(content) ? string.Empty : null;
    }

    /// <summary>A start line such as <c>&lt;!--</c> that contains its own end marker only as part of the opener.</summary>
    private static bool SelfOpeningOnly(string content, string end) =>
        end == ">" ? content.IndexOf('>', 2) < 0 : content.IndexOf(end, end == "-->" ? 4 : 2, StringComparison.OrdinalIgnoreCase) < 0;

    /// <summary>YAML (<c>---</c>), TOML (<c>+++</c>) or JSON (<c>;;;</c>) front matter, which GitLab renders as code.</summary>
    private static int FrontMatterEnd(string[] lines)
    {
        if (lines.Length == 0 || FrontMatterOpen().Match(lines[0]) is not { Success: true } open)
        {
            return 0;
        }

        var delimiter = open.Groups[1].Value;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == delimiter)
            {
                return i + 1;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(---|\+\+\+|;;;)[A-Za-z]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterOpen();

    [GeneratedRegex(@"^>>>", RegexOptions.CultureInvariant)]
    private static partial Regex MultilineQuoteFence();

    [GeneratedRegex(@"^\$\$\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MathFence();

    [GeneratedRegex(@"^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:=+|-+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableDelimiterRow();

    [GeneratedRegex(@"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^#{1,6}(?:[ \t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^<(script|pre|style|textarea)(?:[\s>]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlRawTag();

    [GeneratedRegex(@"^</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|/?>|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockTag();

    [GeneratedRegex(@"^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s""'=<>`]+|'[^']*'|""[^""]*""))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlCompleteTag();
}

using System.Globalization;
using System.Text;

namespace IssueHygiene.Core.Rendering;

/// <summary>
/// The one rule for text the bot did not write (titles, label and milestone names, usernames, waiver reasons, command
/// text, masked secrets): it appears only as <see cref="Code"/>, an inline code span on one line. GitLab renders a code
/// span's content as text and runs none of its filters inside it, so it cannot mention anyone (<c>@all</c>), reference
/// anything (<c>#1</c>, <c>!1</c>, <c>%m</c>, <c>~l</c>, <c>$s</c>, <c>&amp;e</c>), link, embed an image or HTML, start
/// a line (a quick action), or break a table. Characters that would make the text read differently from what it is
/// (bidirectional controls, zero-width characters, other format and control characters) are shown as <c>U+XXXX</c>,
/// and very long text is cut, so an answer cannot grow past GitLab's note limit by quoting.
/// </summary>
public static class MarkdownText
{
    /// <summary>The most characters of one piece of untrusted text shown; the rest is replaced by a count.</summary>
    public const int MaxQuoted = 256;

    /// <summary>An inline code span holding <paramref name="text"/> on one line, safe inside a table cell.</summary>
    public static string Code(string text)
    {
        var flat = Shorten(Neutralise(Flatten(text)));
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

    /// <summary>
    /// Invisible or reordering characters as visible <c>U+XXXX</c>: bidirectional controls (U+202A–U+202E,
    /// U+2066–U+2069, U+200E/F, U+061C), zero-width characters, the BOM, other format (Cf) characters and lone
    /// surrogates. Letters, marks, symbols and emoji are kept.
    /// </summary>
    public static string Neutralise(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var surrogatePair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (surrogatePair)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (category is UnicodeCategory.Format or UnicodeCategory.PrivateUse)
                {
                    builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                    builder.Append(CultureInfo.InvariantCulture, $"U+{char.ConvertToUtf32(c, text[i + 1]):X4}");
                }
                else
                {
                    builder?.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            if (IsHidden(c))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Whether a UTF-16 unit (not part of a pair) is invisible, reorders text, or is not a character.</summary>
    public static bool IsHidden(char c) =>
        char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\uFFFE' or '\uFFFF';

    private static string Shorten(string text)
    {
        if (text.Length <= MaxQuoted)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
        return text[..cut] + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length - cut} more characters)");
    }
}

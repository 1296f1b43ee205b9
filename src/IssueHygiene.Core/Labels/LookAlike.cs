using System.Globalization;
using System.Text;

namespace IssueHygiene.Core.Labels;

/// <summary>
/// Names that look the same to a person but not to GitLab, which compares label names exactly: letter case, a
/// non-Latin letter drawn like a Latin one (Cyrillic <c>о</c> for <c>o</c>), a non-breaking space, an invisible
/// character. <see cref="Explain"/> says where two such names differ, by code point and Unicode name, so the
/// difference can be seen in a note.
/// </summary>
public static class LookAlike
{
    /// <summary>Characters drawn like a Latin (or ASCII) one, with their Unicode names.</summary>
    private static readonly Dictionary<char, (char Latin, string Name)> Confusables = new()
    {
        ['\u0430'] = ('a', "CYRILLIC SMALL LETTER A"),
        ['\u0435'] = ('e', "CYRILLIC SMALL LETTER IE"),
        ['\u043E'] = ('o', "CYRILLIC SMALL LETTER O"),
        ['\u0440'] = ('p', "CYRILLIC SMALL LETTER ER"),
        ['\u0441'] = ('c', "CYRILLIC SMALL LETTER ES"),
        ['\u0443'] = ('y', "CYRILLIC SMALL LETTER U"),
        ['\u0445'] = ('x', "CYRILLIC SMALL LETTER HA"),
        ['\u0455'] = ('s', "CYRILLIC SMALL LETTER DZE"),
        ['\u0456'] = ('i', "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),
        ['\u0458'] = ('j', "CYRILLIC SMALL LETTER JE"),
        ['\u0501'] = ('d', "CYRILLIC SMALL LETTER KOMI DE"),
        ['\u0410'] = ('A', "CYRILLIC CAPITAL LETTER A"),
        ['\u0412'] = ('B', "CYRILLIC CAPITAL LETTER VE"),
        ['\u0415'] = ('E', "CYRILLIC CAPITAL LETTER IE"),
        ['\u041A'] = ('K', "CYRILLIC CAPITAL LETTER KA"),
        ['\u041C'] = ('M', "CYRILLIC CAPITAL LETTER EM"),
        ['\u041D'] = ('H', "CYRILLIC CAPITAL LETTER EN"),
        ['\u041E'] = ('O', "CYRILLIC CAPITAL LETTER O"),
        ['\u0420'] = ('P', "CYRILLIC CAPITAL LETTER ER"),
        ['\u0421'] = ('C', "CYRILLIC CAPITAL LETTER ES"),
        ['\u0422'] = ('T', "CYRILLIC CAPITAL LETTER TE"),
        ['\u0425'] = ('X', "CYRILLIC CAPITAL LETTER HA"),
        ['\u0405'] = ('S', "CYRILLIC CAPITAL LETTER DZE"),
        ['\u0406'] = ('I', "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I"),
        ['\u0408'] = ('J', "CYRILLIC CAPITAL LETTER JE"),
        ['\u03B1'] = ('a', "GREEK SMALL LETTER ALPHA"),
        ['\u03B9'] = ('i', "GREEK SMALL LETTER IOTA"),
        ['\u03BD'] = ('v', "GREEK SMALL LETTER NU"),
        ['\u03BF'] = ('o', "GREEK SMALL LETTER OMICRON"),
        ['\u03C1'] = ('p', "GREEK SMALL LETTER RHO"),
        ['\u03C5'] = ('u', "GREEK SMALL LETTER UPSILON"),
        ['\u0131'] = ('i', "LATIN SMALL LETTER DOTLESS I"),
        ['\u04BB'] = ('h', "CYRILLIC SMALL LETTER SHHA"),
        ['\u051B'] = ('q', "CYRILLIC SMALL LETTER QA"),
        ['\u051D'] = ('w', "CYRILLIC SMALL LETTER WE"),
        ['\u0391'] = ('A', "GREEK CAPITAL LETTER ALPHA"),
        ['\u0392'] = ('B', "GREEK CAPITAL LETTER BETA"),
        ['\u0395'] = ('E', "GREEK CAPITAL LETTER EPSILON"),
        ['\u0396'] = ('Z', "GREEK CAPITAL LETTER ZETA"),
        ['\u0397'] = ('H', "GREEK CAPITAL LETTER ETA"),
        ['\u0399'] = ('I', "GREEK CAPITAL LETTER IOTA"),
        ['\u039A'] = ('K', "GREEK CAPITAL LETTER KAPPA"),
        ['\u039C'] = ('M', "GREEK CAPITAL LETTER MU"),
        ['\u039D'] = ('N', "GREEK CAPITAL LETTER NU"),
        ['\u039F'] = ('O', "GREEK CAPITAL LETTER OMICRON"),
        ['\u03A1'] = ('P', "GREEK CAPITAL LETTER RHO"),
        ['\u03A4'] = ('T', "GREEK CAPITAL LETTER TAU"),
        ['\u03A7'] = ('X', "GREEK CAPITAL LETTER CHI"),
        ['\u0261'] = ('g', "LATIN SMALL LETTER SCRIPT G"),
        ['\u00A0'] = (' ', "NO-BREAK SPACE"),
        ['\u2002'] = (' ', "EN SPACE"),
        ['\u2003'] = (' ', "EM SPACE"),
        ['\u2007'] = (' ', "FIGURE SPACE"),
        ['\u2009'] = (' ', "THIN SPACE"),
        ['\u202F'] = (' ', "NARROW NO-BREAK SPACE"),
        ['\u3000'] = (' ', "IDEOGRAPHIC SPACE"),
        ['\u2010'] = ('-', "HYPHEN"),
        ['\u2011'] = ('-', "NON-BREAKING HYPHEN"),
        ['\u2212'] = ('-', "MINUS SIGN"),
    };

    /// <summary>Characters that show nothing at all.</summary>
    private static readonly Dictionary<char, string> Invisible = new()
    {
        ['\u200B'] = "ZERO WIDTH SPACE",
        ['\u200C'] = "ZERO WIDTH NON-JOINER",
        ['\u200D'] = "ZERO WIDTH JOINER",
        ['\u2060'] = "WORD JOINER",
        ['\uFEFF'] = "ZERO WIDTH NO-BREAK SPACE",
        ['\u00AD'] = "SOFT HYPHEN",
    };

    /// <summary>
    /// How <paramref name="actual"/> differs from <paramref name="expected"/> when the two look alike (differ only in
    /// case, look-alike letters, spaces or invisible characters), as sentences naming each character by code point;
    /// null when they are equal or visibly different.
    /// </summary>
    public static IReadOnlyList<string>? Explain(string actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return null;
        }

        var differences = new List<string>();
        int i = 0, j = 0;
        while (i < actual.Length)
        {
            var a = actual[i];
            if (j < expected.Length && a == expected[j])
            {
                i++;
                j++;
                continue;
            }

            if (IsInvisible(a))
            {
                differences.Add($"character {i + 1} is {Describe(a)}, which is invisible");
                i++;
                continue;
            }

            if (j >= expected.Length || Fold(a) != Fold(expected[j]))
            {
                // An extra space (a no-break space at the end, a second space) is as hard to see as an invisible one.
                if (Fold(a) == ' ')
                {
                    differences.Add($"character {i + 1} is {Describe(a)}, an extra space");
                    i++;
                    continue;
                }

                return null;
            }

            var e = expected[j];
            var why = Confusables.ContainsKey(a) || Confusables.ContainsKey(e) ? "which looks the same"
                : char.ToLowerInvariant(a) == char.ToLowerInvariant(e) ? "a different letter case"
                : "which looks the same";
            differences.Add($"character {i + 1} is {Describe(a)} where it should be {Describe(e)} ({why})");
            i++;
            j++;
        }

        return j == expected.Length && differences.Count > 0 ? differences : null;
    }

    /// <summary>
    /// The name among <paramref name="known"/> that <paramref name="name"/> looks identical to (first in ordinal order
    /// when several do), with how they differ; null when it is one of them or looks like none.
    /// </summary>
    public static (string Known, IReadOnlyList<string> Differences)? TwinOf(string name, IEnumerable<string> known)
    {
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            if (Explain(name, candidate) is { } differences)
            {
                return (candidate, differences);
            }
        }

        return null;
    }

    /// <summary>True when the two names look alike to a person (see <see cref="Explain"/>) but are not equal.</summary>
    public static bool Resembles(string actual, string expected) => Explain(actual, expected) is not null;

    /// <summary>The name as a person sees it: invisible characters dropped, look-alikes and case folded.</summary>
    public static string Skeleton(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!IsInvisible(c))
            {
                text.Append(Fold(c));
            }
        }

        return text.ToString();
    }

    /// <summary><c>U+043E CYRILLIC SMALL LETTER O</c> (the name when known, always the code point).</summary>
    public static string Describe(char c)
    {
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var name = Confusables.TryGetValue(c, out var confusable) ? confusable.Name
            : Invisible.TryGetValue(c, out var invisible) ? invisible
            : c is >= 'A' and <= 'Z' ? "LATIN CAPITAL LETTER " + c
            : c is >= 'a' and <= 'z' ? "LATIN SMALL LETTER " + char.ToUpperInvariant(c)
            : c == ' ' ? "SPACE"
            : c == '-' ? "HYPHEN-MINUS"
            : null;
        return name is null ? code : code + " " + name;
    }

    private static bool IsInvisible(char c) => Invisible.ContainsKey(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static char Fold(char c)
    {
        if (Confusables.TryGetValue(c, out var confusable))
        {
            c = confusable.Latin;
        }
        else if (c > '\u007F' && c.ToString().Normalize(NormalizationForm.FormKC) is { Length: 1 } compatible && compatible[0] <= '\u007F')
        {
            // Fullwidth and other compatibility forms (ｆ for f).
            c = compatible[0];
        }

        return char.ToLowerInvariant(c);
    }
}

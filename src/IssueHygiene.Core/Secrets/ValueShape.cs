namespace IssueHygiene.Core.Secrets;

/// <summary>
/// Tells a random credential from a placeholder, a masked value or a reference: documentation writes
/// <c>glpat-</c> and twenty <c>x</c>, <c>AKIAIOSFODNN7EXAMPLE</c> or <c>&lt;your-token&gt;</c>, CI output shows
/// <c>[MASKED]</c> or <c>****</c>, configuration says <c>$GITLAB_TOKEN</c>. None of those is worth a response.
/// </summary>
internal static class ValueShape
{
    private static readonly System.Buffers.SearchValues<char> TemplateCharacters = System.Buffers.SearchValues.Create("*<>[]{}$%…");

    // Words that mark a made-up value. Each is long enough that a random 20-character token contains one with
    // probability ~1e-5 or less.
    private static readonly string[] PlaceholderWords =
    [
        "example", "sample", "placeholder", "your", "dummy", "fake", "redacted", "masked", "changeme", "change_me",
        "secret", "token", "password", "xxxx", "here", "test", "insert", "replace", "todo", "foobar", "lorem",
    ];

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in value)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        foreach (var count in counts)
        {
            entropy -= Term(count, value.Length);
        }

        // Non-ASCII characters are rare in credentials: counted as one symbol, they can only lower the estimate.
        return entropy - Term(other, value.Length);
    }

    /// <summary>
    /// True for values no credential would have: one character repeated, an ascending run (<c>abcde</c>,
    /// <c>12345</c>), a placeholder word, or a masked/templated form (<c>****</c>, <c>[MASKED]</c>, <c>${X}</c>).
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.IndexOfAny(TemplateCharacters) >= 0 || value.Contains("...", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return HasRun(value, 4, static (a, b) => a == b) || HasRun(value, 5, static (a, b) => b == a + 1);
    }

    /// <summary>How many of lower case, upper case, digits and other characters the value uses.</summary>
    public static int CharacterClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /// <summary>
    /// A name rather than a value: an environment variable (<c>GITLAB_TOKEN</c>) or a dotted path
    /// (<c>process.env.token</c>, <c>settings.api_key</c>).
    /// </summary>
    public static bool IsReference(ReadOnlySpan<char> value)
    {
        var upperSnake = true;
        var identifierPath = !char.IsAsciiDigit(value[0]);
        var dots = 0;
        foreach (var c in value)
        {
            upperSnake &= char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_';
            identifierPath &= char.IsAsciiLetter(c) || c == '_' || c == '.';
            dots += c == '.' ? 1 : 0;
        }

        return upperSnake || (identifierPath && dots > 0);
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
        {
            return 0;
        }

        var p = (double)count / length;
        return p * Math.Log2(p);
    }

    private static bool HasRun(ReadOnlySpan<char> value, int length, Func<char, char, bool> follows)
    {
        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            run = follows(value[i - 1], value[i]) ? run + 1 : 1;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// A repository path pattern: <c>*</c> matches within one path segment, <c>?</c> one character of it, and <c>**</c>
/// any number of whole segments (<c>**/*.md</c> matches <c>README.md</c> and <c>a/b/c.md</c>; <c>docs/**</c> matches
/// everything under <c>docs/</c>). Case-sensitive, like git paths.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    /// <summary>The glob, or null (with the reason) when it is empty or malformed.</summary>
    public static PathGlob? TryParse(string pattern, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            error = "is empty";
            return null;
        }

        if (pattern.StartsWith('/'))
        {
            error = "starts with '/': paths are relative to the repository root";
            return null;
        }

        if (pattern.AsSpan().IndexOfAny("[]{}\\") >= 0)
        {
            error = "uses [ ] { } or \\, which are not supported (use *, ? and **)";
            return null;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var atStart = i == 0 || pattern[i - 1] == '/';
                var slashAfter = i + 2 < pattern.Length && pattern[i + 2] == '/';
                var atEnd = i + 2 == pattern.Length;
                if (!atStart || !(slashAfter || atEnd))
                {
                    error = "uses '**' inside a path segment (write it as a whole segment: a/**/b)";
                    return null;
                }

                if (slashAfter)
                {
                    regex.Append("(?:.*/)?"); // zero or more whole segments
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new PathGlob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>A glob known to be valid (the rules file's defaults).</summary>
    public static PathGlob Parse(string pattern) =>
        TryParse(pattern, out var error) ?? throw new ArgumentException($"glob '{pattern}' {error}", nameof(pattern));

    public bool IsMatch(string path) => _regex.IsMatch(path);

    public override string ToString() => Pattern;
}

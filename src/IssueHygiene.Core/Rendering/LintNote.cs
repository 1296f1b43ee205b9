using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.Rendering;

/// <summary>The sticky lint note's identity: the hidden marker on its first line, and the hash of its content.</summary>
public static partial class LintNote
{
    /// <summary>The first line of every note IssueHygiene keeps on an issue (contract).</summary>
    public const string Marker = "<!-- issue-hygiene:lint -->";

    /// <summary>GitLab's limit on a note's length (characters); a longer create or edit is refused.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>True when a note body is IssueHygiene's sticky lint note.</summary>
    public static bool IsLintNote(string? body) =>
        body is not null && body.TrimStart().StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>
    /// Line 2 of the note: the hash of the content the note stands for once its fixes are applied. It makes the note
    /// self-describing, so a lost or fresh lint-note index never causes a needless edit.
    /// </summary>
    public static string StateLine(string hash) => $"<!-- issue-hygiene:state hash={hash} -->";

    /// <summary>The note body with its state line inserted after the marker line.</summary>
    public static string WithState(string body, string hash)
    {
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0
            ? body + "\n" + StateLine(hash)
            : body[..(newline + 1)] + StateLine(hash) + body[newline..];
    }

    /// <summary>The hash recorded in a note's state line, or null when it has none (edited by hand, or older).</summary>
    public static string? StateHashOf(string body)
    {
        var match = StatePattern().Match(body);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^<!-- issue-hygiene:state hash=([0-9a-f]{16}) -->$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();

    /// <summary>A short, stable hash of note content: equal hashes mean no edit is needed.</summary>
    public static string Hash(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\n").Trim())))[..16];
}

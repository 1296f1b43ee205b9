using System.Security.Cryptography;
using System.Text;

namespace IssueHygiene.Core.Rendering;

/// <summary>The sticky lint note's identity: the hidden marker on its first line, and the hash of its content.</summary>
public static class LintNote
{
    /// <summary>The first line of every note IssueHygiene keeps on an issue (contract).</summary>
    public const string Marker = "<!-- issue-hygiene:lint -->";

    /// <summary>True when a note body is IssueHygiene's sticky lint note.</summary>
    public static bool IsLintNote(string? body) =>
        body is not null && body.TrimStart().StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>A short, stable hash of note content: equal hashes mean no edit is needed.</summary>
    public static string Hash(string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\n").Trim())))[..16];
}

using System.Text;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// The internal note answering a leak, and its identity. Line 1 is the marker with the fingerprints of the findings
/// it answers (<c>&lt;!-- issue-hygiene:secret-leak 1a2b… 3c4d… --&gt;</c>), so a re-run, the webhook echo or a
/// second replica finds it and posts nothing twice. The text names each credential's kind, its documented prefix and
/// where it is — never the value — and tells the authors to rotate now.
/// </summary>
public static class SecretLeakNote
{
    public const string MarkerStart = "<!-- issue-hygiene:secret-leak";

    private static readonly System.Buffers.SearchValues<char> UnsafeInLink = System.Buffers.SearchValues.Create(" ()<>[]\r\n");

    /// <summary>True when a note body is one of IssueHygiene's secret-leak notes.</summary>
    public static bool IsSecretLeakNote(string? body) =>
        body is not null && body.TrimStart().StartsWith(MarkerStart, StringComparison.Ordinal);

    /// <summary>The fingerprints a secret-leak note's marker lists (none for any other note).</summary>
    public static IReadOnlyList<string> FingerprintsOf(string? body)
    {
        if (!IsSecretLeakNote(body))
        {
            return [];
        }

        var line = body!.TrimStart();
        var end = line.IndexOf("-->", StringComparison.Ordinal);
        var list = end < 0 ? string.Empty : line[MarkerStart.Length..end];
        return [.. list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsFingerprint)];
    }

    /// <summary>The note's Markdown (quick actions, when any, are appended by the caller).</summary>
    public static string Render(SecretLeakNoteContent content)
    {
        var text = new StringBuilder();
        text.Append(MarkerStart).Append(' ').AppendJoin(' ', content.Findings.Select(f => f.Fingerprint)).Append(" -->\n");
        var mentions = content.Mentions.Where(IsMentionable).Distinct(StringComparer.OrdinalIgnoreCase).Select(u => "@" + u).ToList();
        text.Append(mentions.Count > 0 ? string.Join(' ', mentions) + " — this" : "This")
            .Append(' ').Append(content.Noun).Append(" contains ").Append(content.Findings.Count == 1 ? "a credential" : "credentials").Append(":\n\n");
        foreach (var finding in content.Findings)
        {
            text.Append("- ").Append(finding.Kind.Describe()).Append(" (").Append(Rendering.MarkdownText.Code(finding.Masked)).Append(") in ")
                .Append(Where(finding.Location, content.WebUrl)).Append('\n');
        }

        text.Append('\n')
            .Append("**Rotate ").Append(content.Findings.Count == 1 ? "it" : "them")
            .Append(" now**: revoke the credential and create a new one. Anyone watching this project may already have ")
            .Append("copied it, however briefly it was visible, so deleting the text is not enough.\n\n");
        if (content.MadeConfidential)
        {
            text.Append("- This issue has been made confidential to reduce further exposure.\n");
        }

        if (content.CannotBeConfidential)
        {
            text.Append("- GitLab cannot make a ").Append(content.Noun).Append(" confidential: everyone who can see this project ")
                .Append("can still see it, so rotation matters all the more.\n");
        }

        if (content.Redacted)
        {
            text.Append("- The value was replaced with `[REDACTED]`. GitLab may keep earlier versions in the history, ")
                .Append("so rotation is still required.\n");
        }

        foreach (var location in content.NotRedacted)
        {
            text.Append("- The value in ").Append(Where(location, content.WebUrl))
                .Append(" could not be replaced (only its author may edit it): please edit it out.\n");
        }

        return text.Append("\nThis note is internal: only project members can see it. (Handbook: ")
            .Append(Handbook.SecretsLeakage).Append(')').ToString();
    }

    private static string Where(SecretLocation location, string? webUrl) =>
        location.Place == SecretPlace.Note && IsLinkable(webUrl)
            ? $"[comment {location.NoteId}]({webUrl}#note_{location.NoteId})"
            : location.ToString();

    private static bool IsLinkable(string? url) =>
        url is not null && url.StartsWith("http", StringComparison.Ordinal) && url.AsSpan().IndexOfAny(UnsafeInLink) < 0;

    /// <summary>GitLab usernames only; never <c>@all</c> or <c>@here</c>, which would notify everyone.</summary>
    private static bool IsMentionable(string username) =>
        username.Length > 0
        && !username.Equals("all", StringComparison.OrdinalIgnoreCase)
        && !username.Equals("here", StringComparison.OrdinalIgnoreCase)
        && (char.IsAsciiLetterOrDigit(username[0]) || username[0] == '_')
        && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static bool IsFingerprint(string value) => value.Length == 16 && value.All(char.IsAsciiHexDigitLower);
}

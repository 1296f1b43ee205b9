namespace IssueHygiene.Core.Secrets;

/// <summary>What the internal secret-leak note says.</summary>
/// <param name="Findings">The findings it answers (kind, place, fingerprint).</param>
/// <param name="Mentions">Usernames of the people who wrote the texts (issue author, comment authors).</param>
/// <param name="MadeConfidential">The response makes the issue confidential.</param>
/// <param name="Redacted">The response replaces the values with <c>[REDACTED]</c>.</param>
/// <param name="WebUrl">The issue's URL, to link comments.</param>
public sealed record SecretLeakNoteContent(
    IReadOnlyList<FingerprintedFinding> Findings,
    IReadOnlyList<string> Mentions,
    bool MadeConfidential,
    bool Redacted,
    string? WebUrl)
{
    /// <summary>What the leak is in: "issue" or "merge request".</summary>
    public string Noun { get; init; } = "issue";

    /// <summary>A fix was asked for but the item has no confidential flag (a merge request): the note says so.</summary>
    public bool CannotBeConfidential { get; init; }

    /// <summary>Places whose redaction GitLab refused (only a comment's author may edit it): the author must.</summary>
    public IReadOnlyList<SecretLocation> NotRedacted { get; init; } = [];
}

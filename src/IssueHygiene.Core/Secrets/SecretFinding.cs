namespace IssueHygiene.Core.Secrets;

/// <summary>
/// One credential in one text: its kind, where it is and its span in that text. It deliberately does not hold the
/// value, so a finding can be logged, compared or rendered without leaking it; the span lets a redactor or a keyed
/// fingerprint read the value from the text it came from.
/// </summary>
/// <param name="Kind">What the credential is.</param>
/// <param name="Location">The title, the description or which note.</param>
/// <param name="Start">Offset of the value in the scanned text (UTF-16 code units).</param>
/// <param name="Length">Length of the value.</param>
/// <param name="DocumentedPrefix">The credential's documented prefix (<c>glpat-</c>, <c>AKIA</c>…), or empty.</param>
public sealed record SecretFinding(SecretKind Kind, SecretLocation Location, int Start, int Length, string DocumentedPrefix)
{
    public int End => Start + Length;

    /// <summary>The value as it may be shown: the documented prefix and <c>[MASKED]</c>.</summary>
    public string Masked => DocumentedPrefix.Length == 0 ? "[MASKED]" : DocumentedPrefix + "[MASKED]";

    /// <summary>"a GitHub token in the description": kind and place, never the value.</summary>
    public string Describe() => $"{Kind.Describe()} in {Location}";
}

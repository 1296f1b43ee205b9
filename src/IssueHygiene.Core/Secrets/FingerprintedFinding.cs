namespace IssueHygiene.Core.Secrets;

/// <summary>
/// A finding as the response, reports and logs may carry it: kind, place, masked form and keyed fingerprint — no
/// offsets into a text, no value.
/// </summary>
public sealed record FingerprintedFinding(SecretKind Kind, SecretLocation Location, string Masked, string Fingerprint)
{
    public static FingerprintedFinding Of(SecretFinding finding, string fingerprint) =>
        new(finding.Kind, finding.Location, finding.Masked, fingerprint);

    /// <summary>"a GitHub token in the description".</summary>
    public string Describe() => $"{Kind.Describe()} in {Location}";
}

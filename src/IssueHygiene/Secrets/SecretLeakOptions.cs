namespace IssueHygiene.Secrets;

/// <summary>Configuration section <c>SecretLeak</c> (environment <c>IssueHygiene__SecretLeak__FingerprintKey</c>).</summary>
public sealed class SecretLeakOptions
{
    public const string Section = "SecretLeak";

    /// <summary>
    /// Key of the findings' fingerprints (at least 16 characters). When unset, one is derived from the GitLab token,
    /// so rotating the token makes a still-present leak be answered once more.
    /// </summary>
    public string? FingerprintKey { get; set; }
}

using System.Security.Cryptography;
using System.Text;
using IssueHygiene.GitLab;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Secrets;

/// <summary>
/// The key of <see cref="Core.Secrets.SecretFingerprint"/>: configured, or derived from the GitLab token (a secret the
/// service holds anyway) through HMAC with a fixed label, so the token itself is never used as a key or exposed.
/// </summary>
public sealed class SecretFingerprintKey
{
    private readonly Lazy<byte[]> _key;

    public SecretFingerprintKey(IOptions<SecretLeakOptions> options, IOptions<GitLabOptions> gitLab)
    {
        _key = new Lazy<byte[]>(() =>
        {
            var configured = options.Value.FingerprintKey;
            if (!string.IsNullOrEmpty(configured))
            {
                return configured.Length >= 16
                    ? Encoding.UTF8.GetBytes(configured)
                    : throw new InvalidOperationException("SecretLeak:FingerprintKey must be at least 16 characters.");
            }

            return HMACSHA256.HashData(Encoding.UTF8.GetBytes(gitLab.Value.ResolveToken()), "issue-hygiene secret-leak fingerprint"u8);
        });
    }

    public ReadOnlySpan<byte> Bytes => _key.Value;
}

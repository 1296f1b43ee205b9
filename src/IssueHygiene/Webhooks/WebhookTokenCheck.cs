using System.Security.Cryptography;
using System.Text;

namespace IssueHygiene.Webhooks;

/// <summary>The outcome of checking a delivery's <c>X-Gitlab-Token</c>.</summary>
public enum WebhookTokenResult
{
    Accepted,
    Missing,
    Mismatch,

    /// <summary>No secret configured and the insecure development switch is on.</summary>
    AcceptedInsecure,
}

/// <summary>
/// Compares <c>X-Gitlab-Token</c> with every accepted secret (several during a rotation) in constant time: each
/// comparison runs over fixed-length hashes, and every secret is compared, so timing tells nothing about the secrets.
/// </summary>
public sealed class WebhookTokenCheck
{
    private readonly byte[][] _secretHashes;
    private readonly bool _allowInsecure;

    public WebhookTokenCheck(IEnumerable<string> secrets, bool allowInsecure)
    {
        _secretHashes = [.. secrets.Where(s => s.Length > 0).Select(Hash)];
        _allowInsecure = allowInsecure && _secretHashes.Length == 0;
    }

    public bool IsInsecure => _allowInsecure;

    public WebhookTokenResult Check(string? token)
    {
        if (_allowInsecure)
        {
            return WebhookTokenResult.AcceptedInsecure;
        }

        if (string.IsNullOrEmpty(token))
        {
            return WebhookTokenResult.Missing;
        }

        // Hashing first makes both sides 32 bytes, so FixedTimeEquals does not leak the secret's length either.
        var presented = Hash(token);
        var matched = false;
        foreach (var secret in _secretHashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(presented, secret);
        }

        return matched ? WebhookTokenResult.Accepted : WebhookTokenResult.Mismatch;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

using System.Security.Cryptography;
using System.Text;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// A finding's identity for idempotence: HMAC-SHA256 under a key only the service holds, over the kind, the place
/// and the value, cut to 16 hex digits. Written into the internal note's marker so a re-run knows it already
/// answered, it tells nothing about the value: without the key it cannot even confirm a guessed password.
/// </summary>
public static class SecretFingerprint
{
    public static string Of(ReadOnlySpan<byte> key, SecretFinding finding, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        var identity = $"{finding.Kind}\n{finding.Location.Place}\n{finding.Location.NoteId}\n{text.AsSpan(finding.Start, finding.Length)}";
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identity), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}

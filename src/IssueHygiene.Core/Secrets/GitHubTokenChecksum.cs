namespace IssueHygiene.Core.Secrets;

/// <summary>
/// GitHub's token checksum (github.blog, "Behind GitHub's new authentication token formats", 2021): the last six
/// characters of <c>ghp_</c>/<c>gho_</c>/<c>ghu_</c>/<c>ghs_</c>/<c>ghr_</c> tokens are the CRC32 of the 30 random
/// characters before them, in base62 (<c>0-9A-Za-z</c>), zero-padded. A string that fails it is not a GitHub token
/// (a placeholder or a typo), so checking it removes false positives for free.
/// </summary>
public static class GitHubTokenChecksum
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] Table = BuildTable();

    /// <summary>True when <paramref name="body"/> (the 36 characters after the prefix) carries a valid checksum.</summary>
    public static bool IsValid(ReadOnlySpan<char> body) =>
        body.Length == 36 && body[30..].SequenceEqual(Encode(Crc32(body[..30])));

    /// <summary>A CRC as GitHub writes it: six base62 digits (also used by tests to build tokens).</summary>
    public static string Encode(uint crc)
    {
        Span<char> digits = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(digits);
    }

    /// <summary>CRC-32 (IEEE 802.3, as zlib) of ASCII text.</summary>
    public static uint Crc32(ReadOnlySpan<char> ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc = (crc >> 8) ^ Table[(crc ^ (byte)c) & 0xFF];
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

using System.Text;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Core.Tests.Secrets;

/// <summary>
/// Credentials made at test time from a seeded generator: each has the documented shape of its kind, none is real,
/// and no realistic secret is committed verbatim (the prefixes are joined to random bodies here).
/// </summary>
internal sealed class SecretSamples(int seed)
{
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Base64Url = Alphanumeric + "-_";
    private const string Base64 = Alphanumeric + "+/";
    private const string Hex = "0123456789abcdef";
    private const string Base36Lower = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly Random _random = new(seed);

    public string Random(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public string AlphanumericOf(int length) => Random(Alphanumeric, length);

    public string GitLab(string prefix, int length = 20) => prefix + Random(Base64Url, length);

    public string GitLabRoutable(string prefix) => prefix + Random(Base64Url, 27) + ".01." + Random(Base36Lower, 9);

    public string GitLabPipelineTrigger() => "gl" + "ptt-" + Random(Hex, 40);

    public string GitLabSession() => "_gitlab" + "_session=" + Random(Hex, 32);

    public string GitHub(string prefix)
    {
        var random = AlphanumericOf(30);
        return prefix + random + GitHubTokenChecksum.Encode(GitHubTokenChecksum.Crc32(random));
    }

    /// <summary>The right shape, a wrong checksum: what a hand-made placeholder looks like.</summary>
    public string GitHubWrongChecksum(string prefix)
    {
        var random = AlphanumericOf(30);
        var checksum = GitHubTokenChecksum.Encode(GitHubTokenChecksum.Crc32(random) ^ 0x5A5A5A5A);
        return prefix + random + checksum;
    }

    public string GitHubFineGrained() => "github" + "_pat_" + AlphanumericOf(22) + "_" + AlphanumericOf(59);

    public string AwsAccessKeyId() => "AK" + "IA" + Random(Base32Upper, 16);

    public string AwsSecretKey()
    {
        while (true)
        {
            var key = Random(Base64, 40);
            if (key.Any(char.IsAsciiLetterUpper) && key.Any(char.IsAsciiLetterLower) && key.Any(char.IsAsciiDigit))
            {
                return key;
            }
        }
    }

    /// <summary>A PEM block with a random body of <paramref name="lines"/> 64-character lines.</summary>
    public string Pem(string label, int lines = 12, string newline = "\n")
    {
        var builder = new StringBuilder().Append("-----BEGIN ").Append(label).Append(" KEY-----").Append(newline);
        for (var i = 0; i < lines; i++)
        {
            builder.Append(Random(Base64, 64)).Append(newline);
        }

        return builder.Append("-----END ").Append(label).Append(" KEY-----").ToString();
    }

    public string GoogleServiceAccountJson() =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"meltano-ci\",\n  \"private_key_id\": \"" + Random(Hex, 40) + "\",\n"
        + "  \"private_key\": \"" + Pem("PRIVATE", newline: "\\n") + "\\n\",\n  \"client_email\": \"ci@meltano-ci.iam.gserviceaccount.com\"\n}";

    public string GoogleApiKey() => "AI" + "za" + Random(Base64Url, 35);

    public string SlackBotToken() => "xo" + "xb-" + Random("0123456789", 12) + "-" + Random("0123456789", 13) + "-" + AlphanumericOf(24);

    public string SlackWebhook() => "https://hooks.slack.com/services/T" + Random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8) + "/B"
        + Random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10) + "/" + AlphanumericOf(24);

    public string Stripe(string prefix) => prefix + AlphanumericOf(24);

    public string StripeWebhookSecret() => "wh" + "sec_" + AlphanumericOf(32);

    /// <summary>A password as a password manager makes one: letters, digits and symbols.</summary>
    public string Password(int length = 18) => Random(Alphanumeric + "!#&+-=@^~", length);

    public string Base64Blob(int length) => Random(Base64, length);

    public string HexOf(int length) => Random(Hex, length);
}

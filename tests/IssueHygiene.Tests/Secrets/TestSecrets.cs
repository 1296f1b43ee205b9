namespace IssueHygiene.Tests.Secrets;

/// <summary>Credentials assembled at test time from a prefix and seeded random characters: none is real or committed.</summary>
internal sealed class TestSecrets(int seed)
{
    private const string Base64Url = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    private const string Base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly Random _random = new(seed);

    public string GitLabToken() => "gl" + "pat-" + Random(Base64Url, 20);

    public string AwsAccessKeyId() => "AK" + "IA" + Random(Base32Upper, 16);

    public string Password() => Random(Alphanumeric, 12) + "#" + Random(Alphanumeric, 6);

    private string Random(string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)])]);
}

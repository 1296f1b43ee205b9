using System.Diagnostics;
using System.Text;
using IssueHygiene.Core.Secrets;
using Xunit.Abstractions;

namespace IssueHygiene.Core.Tests.Secrets;

public sealed class SecretScannerTests(ITestOutputHelper output)
{
    private readonly SecretSamples _samples = new(7);

    [Fact]
    public void GitHubChecksum_PublishedExample_MatchesIndependentImplementation()
    {
        // A published test vector of another scanner's GitHub checksum validator: 30 random characters, then "11T4V4".
        var random = "M7H4jxUDDWHP4kZ6" + "A4dxlQYsQIWJuq";

        Assert.Equal("11T4V4", GitHubTokenChecksum.Encode(GitHubTokenChecksum.Crc32(random)));
    }

    [Fact]
    public void Scan_GitHubTokenWithOneCharacterChanged_NotFound()
    {
        var token = _samples.GitHub("ghp_");
        var tampered = token[..10] + (token[10] == 'a' ? 'b' : 'a') + token[11..];

        Assert.Single(SecretScanner.Scan(token, SecretLocation.Title));
        Assert.Empty(SecretScanner.Scan(tampered, SecretLocation.Title));
    }

    [Fact]
    public void Scan_TokenGluedToAWord_NotFound()
    {
        Assert.Empty(SecretScanner.Scan("x" + _samples.GitLab("glpat-"), SecretLocation.Description));
    }

    [Fact]
    public void Scan_Finding_HasLocationOffsetsAndPrefixButNoValue()
    {
        var token = _samples.GitLab("glpat-");
        var text = "see " + token + " above";

        var finding = Assert.Single(SecretScanner.Scan(text, SecretLocation.Note(99)));

        Assert.Equal(SecretKind.GitLabPersonalAccessToken, finding.Kind);
        Assert.Equal(SecretLocation.Note(99), finding.Location);
        Assert.Equal(4, finding.Start);
        Assert.Equal(token.Length, finding.Length);
        Assert.Equal("glpat-[MASKED]", finding.Masked);
        Assert.Equal("a GitLab personal, project or group access token in comment 99", finding.Describe());
        Assert.DoesNotContain(token[6..], finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScanIssue_TitleAndDescription_BothLocated()
    {
        var issue = TestData.CleanIssue() with { Title = "token " + _samples.GitLab("gldt-"), Description = "key " + _samples.AwsAccessKeyId() };

        var findings = SecretScanner.ScanIssue(issue);

        Assert.Equal([SecretLocation.Title, SecretLocation.Description], findings.Select(f => f.Location));
    }

    [Fact]
    public void ScanNote_SystemNote_NotScanned()
    {
        var body = "changed the description " + _samples.GitLab("glpat-");

        Assert.Empty(SecretScanner.ScanNote(new NoteToScan(1, body, IsSystem: true)));
        Assert.Single(SecretScanner.ScanNote(new NoteToScan(1, body)));
    }

    [Fact]
    public void Redact_TwoFindings_ReplacesExactlyTheValues()
    {
        var first = _samples.GitLab("glpat-");
        var second = _samples.Password();
        var text = $"token {first}\npassword={second}\nend";

        var redacted = SecretRedactor.Redact(text, SecretScanner.Scan(text, SecretLocation.Description));

        Assert.Equal("token [REDACTED]\npassword=[REDACTED]\nend", redacted);
        Assert.Empty(SecretScanner.Scan(redacted, SecretLocation.Description));
    }

    [Fact]
    public void Fingerprint_SameFinding_StableAndKeyed()
    {
        var text = "t " + _samples.GitLab("glpat-");
        var finding = SecretScanner.Scan(text, SecretLocation.Description)[0];
        var key = Encoding.UTF8.GetBytes("0123456789abcdef-key-one");
        var otherKey = Encoding.UTF8.GetBytes("0123456789abcdef-key-two");

        var fingerprint = SecretFingerprint.Of(key, finding, text);

        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.Equal(fingerprint, SecretFingerprint.Of(key, finding, text));
        Assert.NotEqual(fingerprint, SecretFingerprint.Of(otherKey, finding, text));
        Assert.NotEqual(fingerprint, SecretFingerprint.Of(key, finding with { Location = SecretLocation.Title }, text));
    }

    /// <summary>Inputs that make backtracking matchers or naive rescans quadratic: each must scan in linear time.</summary>
    public static TheoryData<string> AdversarialPieces => new()
    {
        "glpat-",
        "glpat-a",
        "password=",
        "password=a",
        "-----BEGIN RSA PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----AAAA",
        "AKIA",
        "ghp_",
        "xoxb-1-",
        "token: token: ",
        "a",
        "A/",
    };

    [Theory]
    [MemberData(nameof(AdversarialPieces))]
    public void Scan_OneMebibyteAdversarialInput_LinearTime(string piece)
    {
        var mebibyte = Repeat(piece, 1024 * 1024);
        var four = Repeat(piece, 4 * 1024 * 1024);
        SecretScanner.Scan(mebibyte[..4096], SecretLocation.Description);

        var oneTime = Time(mebibyte);
        var fourTime = Time(four);

        output.WriteLine($"{piece.ReplaceLineEndings("\\n")}: 1 MiB {oneTime.TotalMilliseconds:F1} ms, 4 MiB {fourTime.TotalMilliseconds:F1} ms");
        // A quadratic scan of these shapes takes minutes per MiB: the absolute bound is the real guard. Linear: four
        // times the input, four to ten times the time measured here (caches, a shared machine); quadratic is 16x+.
        // The 500 ms allowance keeps a scheduler hiccup on a loaded machine (a scan of 1 ms next to one of 70 ms) from
        // reading as growth; a quadratic scan is seconds past it.
        Assert.True(oneTime < TimeSpan.FromSeconds(1.5), $"1 MiB took {oneTime}");
        Assert.True(fourTime.TotalMilliseconds < 500 + (15 * oneTime.TotalMilliseconds), $"1 MiB {oneTime}, 4 MiB {fourTime}");
    }

    /// <summary>The best of three runs: the machine is shared, and the minimum is the least disturbed measurement.</summary>
    private static TimeSpan Time(string text)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            SecretScanner.Scan(text, SecretLocation.Description);
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    private static string Repeat(string piece, int length)
    {
        var builder = new StringBuilder(length + piece.Length);
        while (builder.Length < length)
        {
            builder.Append(piece);
        }

        return builder.ToString(0, length);
    }
}

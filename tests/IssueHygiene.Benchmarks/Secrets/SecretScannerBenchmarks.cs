using System.Text;
using BenchmarkDotNet.Attributes;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Benchmarks.Secrets;

/// <summary>
/// Scanning 1 MiB of adversarial input (shapes that make backtracking matchers or naive rescans quadratic), 1 MiB of
/// plain prose (the common case: no anchor, one vectorised search), and a 2 KB description holding one token.
/// Linear time means every 1 MiB case costs milliseconds, and about four times its 256 KiB counterpart.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class SecretScannerBenchmarks
{
    private string _input = null!;

    [Params("glpat-", "password=", "AKIA", "-----BEGIN RSA PRIVATE KEY-----\n", "token: ", "prose")]
    public string Piece { get; set; } = "prose";

    [Params(256 * 1024, 1024 * 1024)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var piece = Piece == "prose" ? "The extractor fails when the state file is missing; see the logs from Monday. " : Piece;
        var builder = new StringBuilder(Length + piece.Length);
        while (builder.Length < Length)
        {
            builder.Append(piece);
        }

        _input = builder.ToString(0, Length);
    }

    [Benchmark(Description = "scan")]
    public int Scan() => SecretScanner.Scan(_input, SecretLocation.Description).Count;
}

using System.Text.RegularExpressions;
using IssueHygiene.Cli;
using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// The README shows what the commands print: each <c>lint --issue-json</c> example prints exactly the block under it,
/// and the demo prints the summary lines shown (durations aside).
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string Readme = File.ReadAllText(CliRunner.Repo("README.md"));

    public static TheoryData<string> LintExamples() => [.. LintExample().Matches(Readme).Select(m => m.Groups["args"].Value)];

    [Theory]
    [MemberData(nameof(LintExamples))]
    public void Readme_LintExample_PrintsTheBlockShown(string args)
    {
        var example = LintExample().Matches(Readme).Single(m => m.Groups["args"].Value == args);
        var arguments = args.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? CliRunner.Repo(a) : a).ToArray();

        var (_, output, _) = CliRunner.Run(arguments);

        Assert.Contains("--now", args, StringComparison.Ordinal);
        Assert.Equal(example.Groups["expected"].Value.Trim(), output.Trim());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Readme_Demo_PrintsTheSummaryLinesShown()
    {
        var shown = DemoBlock().Match(Readme).Groups["block"].Value.Split('\n')
            .Where(l => l.Contains(" issues, ", StringComparison.Ordinal) || l.Contains("requests that changed", StringComparison.Ordinal) || l.StartsWith("Done.", StringComparison.Ordinal))
            .ToList();
        var folder = Path.Combine(Path.GetTempPath(), "issue-hygiene-readme-demo-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await new CliApp(output, error, TimeProvider.System).RunAsync(["demo", "--output", folder], CancellationToken.None);
        var printed = output.ToString().Replace(folder, "/home/you/issue-hygiene/demo-output", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal(7, shown.Count);
        Assert.All(shown, line => Assert.Contains(WithoutDurations(line), printed.Select(WithoutDurations)));
        Directory.Delete(folder, recursive: true);
    }

    private static string WithoutDurations(string line) => Duration().Replace(line, "N s");

    [GeneratedRegex(@"```sh\ndotnet run --project src/IssueHygiene -- (?<args>lint --issue-json [^\n]+)\n```\n\n```text\n(?<expected>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LintExample();

    [GeneratedRegex(@"-- demo\n```\n\n[^\n]*\n\n```text\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DemoBlock();

    [GeneratedRegex(@"\d+\.\d s")]
    private static partial Regex Duration();
}

using System.Diagnostics;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// The <c>dotnet tool</c> package: packed from the repository, installed from a local feed, and run as
/// <c>issue-hygiene</c> — what someone adopting IssueHygiene without a clone does.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ToolPackageTests
{
    [Fact]
    public async Task ToolPackage_PackedAndInstalledFromALocalFeed_RunsAsIssueHygiene()
    {
        var work = Path.Combine(Path.GetTempPath(), "issue-hygiene-tool-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        try
        {
            var pack = await RunAsync("dotnet", CliRunner.RepositoryRoot, "pack", CliRunner.Repo("src/IssueHygiene/IssueHygiene.csproj"), "-c", "Release", "-o", feed, "--nologo");
            Assert.True(pack.Exit == 0, pack.Output);
            Assert.True(Directory.Exists(feed), "no package: " + pack.Output);
            var package = Assert.Single(Directory.GetFiles(feed, "IssueHygiene.*.nupkg"));
            var version = Path.GetFileNameWithoutExtension(package)["IssueHygiene.".Length..];

            var install = await RunAsync("dotnet", work, "tool", "install", "IssueHygiene", "--tool-path", tools, "--add-source", feed, "--version", version);
            Assert.True(install.Exit == 0, install.Output);
            var run = await RunAsync(Path.Combine(tools, "issue-hygiene"), work, "--version");
            var check = await RunAsync(Path.Combine(tools, "issue-hygiene"), work, "rules", "check");

            Assert.Equal(0, run.Exit);
            Assert.StartsWith(version, run.Output.Trim(), StringComparison.Ordinal);
            Assert.True(check.Exit == 0, check.Output);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}

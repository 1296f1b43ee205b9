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
            var pack = await ProgramRun.RunAsync("dotnet", CliRunner.RepositoryRoot, "pack", CliRunner.Repo("src/IssueHygiene/IssueHygiene.csproj"), "-c", "Release", "-o", feed, "--nologo");
            Assert.True(pack.Exit == 0, pack.Output);
            Assert.True(Directory.Exists(feed), "no package: " + pack.Output);
            var package = Assert.Single(Directory.GetFiles(feed, "IssueHygiene.*.nupkg"));
            var version = Path.GetFileNameWithoutExtension(package)["IssueHygiene.".Length..];

            var install = await ProgramRun.RunAsync("dotnet", work, "tool", "install", "IssueHygiene", "--tool-path", tools, "--add-source", feed, "--version", version);
            Assert.True(install.Exit == 0, install.Output);
            var run = await ProgramRun.RunAsync(Path.Combine(tools, "issue-hygiene"), work, "--version");
            var check = await ProgramRun.RunAsync(Path.Combine(tools, "issue-hygiene"), work, "rules", "check");

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
}

using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Cli;

public sealed class RulesCheckCommandTests
{
    [Fact]
    public void RulesCheck_ShippedHandbook_ExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("rules", "check", CliRunner.Repo("rules/handbook.yml"));

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Contains(": OK (17 of 17 rules enabled, 27 documented labels, time zone UTC)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesCheck_BrokenFile_PrintsFileLineColumnAndExitsTwo()
    {
        var path = CliRunner.TempFile("version: 1\nrules:\n  type-label:\n    action: fix\n", ".yml");

        var (exit, _, error) = CliRunner.Run("rules", "check", path);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains($"{path}:4:13: rule 'type-label' cannot take action 'fix' (it can: comment, report, off, summary)", error, StringComparison.Ordinal);
        Assert.Contains($"{path}: 1 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesCheck_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("rules", "check", "/nonexistent/rules.yml");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.StartsWith("error: cannot read rules file /nonexistent/rules.yml", error, StringComparison.Ordinal);
    }
}

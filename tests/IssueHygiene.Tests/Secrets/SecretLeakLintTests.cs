using System.Text.Json.Nodes;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Secrets;

/// <summary><c>lint --issue-json</c> offline: the finding is reported (exit 1) by kind and place, never by value.</summary>
public sealed class SecretLeakLintTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Lint_IssueJsonWithToken_ErrorWithoutTheValue(string format)
    {
        var token = new TestSecrets(3).GitLabToken();
        var issue = JsonNode.Parse(File.ReadAllText(CliRunner.Repo("examples/issue-clean.json")))!.AsObject();
        issue["description"] = "export GITLAB_TOKEN=" + token;
        issue["title"] = "Token " + token + " rejected";
        var file = CliRunner.TempFile(issue.ToJsonString());

        var (exit, output, error) = CliRunner.Run("lint", "--issue-json", file, "--rules", CliRunner.Repo("rules/handbook.yml"), "--now", "2026-11-23T09:00:00Z", "--format", format);

        Assert.Equal(1, exit);
        Assert.Contains("secret-leak", output, StringComparison.Ordinal);
        Assert.Contains("The description contains a GitLab personal, project or group access token: rotate it now.", output, StringComparison.Ordinal);
        Assert.Contains("The title contains a GitLab personal, project or group access token", output, StringComparison.Ordinal);
        Assert.DoesNotContain(token[6..], output + error, StringComparison.Ordinal);
    }
}

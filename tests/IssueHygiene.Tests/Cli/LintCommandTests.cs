using System.Text.Json;
using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Cli;

/// <summary><c>lint --issue-json</c> (contract: docs/architecture.md §5): output shapes, exit codes, and bad input.</summary>
public sealed class LintCommandTests
{
    private static readonly string Rules = CliRunner.Repo("rules/handbook.yml");

    [Fact]
    public void Lint_JsonFormat_IsTheContractShape()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-needs-triage.json"), "--rules", Rules, "--format", "json");

        Assert.Equal(ExitCodes.Violations, exit);
        using var json = JsonDocument.Parse(output);
        var violations = json.RootElement.GetProperty("violations").EnumerateArray().ToList();
        Assert.Equal(["milestone-required", "stage-label", "stage-label-unused"], violations.Select(v => v.GetProperty("rule").GetString()));
        Assert.All(violations, v => Assert.Equal(["rule", "severity", "message"], v.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("error", violations[0].GetProperty("severity").GetString());
        Assert.Equal("This issue has no milestone.", violations[0].GetProperty("message").GetString());
        Assert.Equal(
            ["/milestone %\"Backlog\"", "/label ~\"flow::Triage\""],
            json.RootElement.GetProperty("quickActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Lint_TextFormat_ListsFindingsAndQuickActions()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-needs-triage.json"), "--rules", Rules);

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.StartsWith("meltano/meltano#14: 1 error(s), 1 warning(s), 1 info", output, StringComparison.Ordinal);
        Assert.Contains("milestone-required", output, StringComparison.Ordinal);
        Assert.Contains("  /label ~\"flow::Triage\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_CleanIssue_ExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-clean.json"), "--rules", Rules, "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Equal("meltano/meltano#15: clean", output.Trim());
    }

    [Fact]
    public void Lint_NowAfterTheSprint_FindsItOverdue()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-clean.json"), "--rules", Rules, "--now", "2026-11-28T00:00:00Z", "--format", "json");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("\"sprint-overdue\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_OnlyInfoFindings_ExitsZero()
    {
        var issue = CliRunner.TempFile("""{"iid":1,"project_id":2,"state":"opened","created_at":"2026-01-01T00:00:00Z","labels":["flow::Doing","Bug"],"milestone":{"id":1,"title":"2026-11-27"},"assignees":[{"id":1,"username":"a"}]}""");

        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", issue, "--rules", Rules, "--format", "json");

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Contains("\"stage-label\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_WebhookStyleTimestamp_IsAccepted()
    {
        var issue = CliRunner.TempFile("""{"iid":1,"project_id":2,"state":"opened","created_at":"2026-11-23 08:30:00 UTC","labels":[]}""");

        var (exit, output, _) = CliRunner.Run("lint", "--issue-json", issue, "--rules", Rules);

        Assert.Equal(ExitCodes.Clean, exit);
        Assert.Contains("in its grace period until 2026-11-23 09:30:00Z", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON (line 1)")]
    [InlineData("[1,2]", "is not a GitLab issue: expected a JSON object, found array")]
    [InlineData("""{"title":"no ids"}""", "is not a GitLab issue: missing iid, project_id, state, created_at")]
    [InlineData("""{"iid":1,"project_id":2,"state":"locked","created_at":"2026-01-01T00:00:00Z"}""", "state 'locked' is neither opened nor closed")]
    [InlineData("""{"iid":"one","project_id":2,"state":"opened","created_at":"2026-01-01T00:00:00Z"}""", "is not a GitLab issue")]
    [InlineData("""{"iid":1,"project_id":2,"state":"opened","created_at":"yesterday"}""", "created_at 'yesterday' is not a timestamp")]
    public void Lint_BadIssueFile_OneLineErrorAndExitTwo(string content, string expected)
    {
        var (exit, _, error) = CliRunner.Run("lint", "--issue-json", CliRunner.TempFile(content), "--rules", Rules);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MissingFile_ExitTwo()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--issue-json", "/nonexistent/issue.json", "--rules", Rules);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.StartsWith("error: cannot read issue file /nonexistent/issue.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BadNow_ExitTwo()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-clean.json"), "--now", "next tuesday");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--now 'next tuesday' is not an ISO-8601 time", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "--issue-json", "x.json", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Run_UsageErrors_ExitTwo(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BrokenRulesFile_ListsErrorsAndExitsTwo()
    {
        var rules = CliRunner.TempFile("rules:\n  nope: {}\n", ".yml");

        var (exit, _, error) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-clean.json"), "--rules", rules);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains($"{rules}:2:3: no rule is called 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_InFlowWithoutMilestone_WithGitLabsMilestoneList_SetsTheCurrentSprintAsOnline()
    {
        // The online paths read GitLab's milestones and set the current sprint; offline, the list given as a file
        // (GET /groups/:id/milestones) lets lint plan the same fix.
        var (exit, output, error) = CliRunner.Run(
            "lint", "--issue-json", CliRunner.Repo("examples/issue-in-flow-without-milestone.json"), "--milestones-json", CliRunner.Repo("examples/milestones.json"),
            "--rules", Rules, "--now", "2026-11-23T09:00:00Z", "--format", "json");

        Assert.Equal(ExitCodes.Violations, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["/milestone %\"2026-11-27\""], json.RootElement.GetProperty("quickActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(error);

        // After that Friday the next sprint is the current one.
        var (_, later, _) = CliRunner.Run(
            "lint", "--issue-json", CliRunner.Repo("examples/issue-in-flow-without-milestone.json"), "--milestones-json", CliRunner.Repo("examples/milestones.json"),
            "--rules", Rules, "--now", "2026-11-28T09:00:00Z");
        Assert.Contains("  /milestone %\"2026-12-04\"", later, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_InFlowWithoutMilestone_Offline_ReasonOnTheFindingAndNoBacklog()
    {
        var (exit, output, _) = CliRunner.Run(
            "lint", "--issue-json", CliRunner.Repo("examples/issue-in-flow-without-milestone.json"), "--rules", Rules, "--now", "2026-11-23T09:00:00Z");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("not fixed automatically: offline, the current sprint milestone is not known (give `lint` GitLab's milestone list with `--milestones-json`)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("quick actions:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Backlog\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"title\": \"2026-11-27\"}", "is not a GitLab milestone list")]
    [InlineData("[{\"id\": 1}]", "is not a GitLab milestone list")]
    [InlineData("[{\"id\": 1, \"title\": \"\"}]", "every milestone needs a title")]
    [InlineData("[{", "is not a GitLab milestone list (line")]
    public void Lint_BadMilestonesFile_UsageErrorSayingWhy(string content, string expected)
    {
        var milestones = CliRunner.TempFile(content);

        var (exit, _, error) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-in-flow-without-milestone.json"), "--milestones-json", milestones, "--rules", Rules);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MilestonesJsonOnline_UsageError()
    {
        var (exit, _, error) = CliRunner.Run("lint", "group/project#1", "--milestones-json", CliRunner.Repo("examples/milestones.json"));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--milestones-json is for offline lint", error, StringComparison.Ordinal);
    }
}

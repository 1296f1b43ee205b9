using IssueHygiene.Cli;
using IssueHygiene.Core.Rendering;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;

namespace IssueHygiene.Tests.Sweep;

/// <summary><c>lint PROJECT#IID</c> against the simulator, and the offline <c>demo</c>.</summary>
public sealed class LintAndDemoTests
{
    [Fact]
    public async Task LintOnline_DryRun_PrintsTheVerdictAndWouldBeWritesWithoutWriting()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40);
        var issue = harness.Simulator.State.Issues().First(i => i.State == "opened" && i.MilestoneTitle is null && i.CreatedAt < DateTimeOffset.UtcNow.AddHours(-2)
            && !i.Labels.Any(l => l.StartsWith("flow::", StringComparison.Ordinal)));
        var project = harness.Simulator.Handbook!.Projects.First(p => p.Id == issue.ProjectId);

        var (exit, output, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "lint", $"{project.PathWithNamespace}#{issue.Iid}", "--dry-run");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("milestone-required", output, StringComparison.Ordinal);
        Assert.Contains("would write note-create: /milestone %\"Backlog\"", output, StringComparison.Ordinal);
        Assert.Equal(0, harness.NonGetRequests(attempted: true));
        Assert.Empty(error.Trim());
    }

    [Fact]
    public async Task LintOnline_Live_WritesOnceThenNothing()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 40);
        var issue = harness.Simulator.State.Issues().First(i => i.State == "opened" && i.MilestoneTitle is null && i.CreatedAt < DateTimeOffset.UtcNow.AddHours(-2)
            && !i.Labels.Any(l => l.StartsWith("flow::", StringComparison.Ordinal)));

        var first = await harness.RunAsync(harness.Configuration(dryRun: false), "lint", $"{issue.ProjectId}#{issue.Iid}");
        var second = await harness.RunAsync(harness.Configuration(dryRun: false), "lint", $"{issue.ProjectId}#{issue.Iid}");

        Assert.Contains("wrote note-create", first.Out, StringComparison.Ordinal);
        Assert.Contains("nothing to write", second.Out, StringComparison.Ordinal);
        Assert.Single(harness.Simulator.State.Notes(issue.ProjectId, issue.Iid), n => LintNote.IsLintNote(n.Body));
        Assert.Equal("Backlog", harness.Simulator.State.Issue(issue.ProjectId, issue.Iid)!.MilestoneTitle);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("group/project#")]
    [InlineData("group/project#0")]
    [InlineData("#12")]
    public void Lint_BadTarget_ExitTwo(string target)
    {
        var (exit, _, error) = CliRunner.Run("lint", target);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("is not PROJECT#IID", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_TargetAndFileTogether_ExitTwo()
    {
        var (exit, _, error) = CliRunner.Run("lint", "a/b#1", "--issue-json", "x.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("either PROJECT#IID or --issue-json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_UnreachableGitLab_OneLineErrorNotAStackTrace()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 1);
        var configuration = harness.Configuration(dryRun: true);
        configuration["GitLab:BaseUrl"] = "http://127.0.0.1:1";
        configuration["GitLab:MaxRetries"] = "0";

        var (exit, _, error) = await harness.RunAsync(configuration, "sweep");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WrongToken_ExitTwoSayingWhichSetting()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 1);
        var configuration = harness.Configuration(dryRun: true);
        configuration["GitLab:Token"] = "not-a-token";

        var (exit, _, error) = await harness.RunAsync(configuration, "sweep");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("GitLab refused the token", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")] // three runs of the demo: about 2 s on two cores
    public async Task Demo_SmallTracker_DryRunLiveThenNothingToWrite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "issue-hygiene-demo-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        var app = new CliApp(output, output, TimeProvider.System);

        var exit = await app.RunAsync(["demo", "--issues", "60", "--output", folder], CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(ExitCodes.Clean, exit);
        var changed = text.Split('\n').Where(l => l.Contains("requests that changed the tracker", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, changed.Count);
        Assert.EndsWith(": 0", changed[0].Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(": 0", changed[1], StringComparison.Ordinal);
        Assert.EndsWith(": 0", changed[2].Trim(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "1-dry-run.md")));
        Assert.True(File.Exists(Path.Combine(folder, "3-second-sweep.md")));
        // The seeded merge requests: findings and their sticky notes ("Code review", docs/merge-requests.md).
        Assert.Contains("!1 Cache plugin lock files: sticky note: mr-self-merged", text, StringComparison.Ordinal);
        Assert.Contains("!2 Fix typo in the installation guide: no note", text, StringComparison.Ordinal);
        Assert.Contains("!3 Add a Snowflake extractor: sticky note: mr-community-expert-merge", text, StringComparison.Ordinal);
        Assert.Contains("## Merge requests", File.ReadAllText(Path.Combine(folder, "1-dry-run.md")), StringComparison.Ordinal);
    }
}

using IssueHygiene.Hosting;
using IssueHygiene.Tests.Serve;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.Secrets;

/// <summary>The secret-leak guard wired into both paths: a comment through <c>serve</c>, a description through <c>sweep</c>.</summary>
public sealed class SecretLeakPathsTests
{
    [Fact]
    public async Task Serve_TokenPastedInAComment_IssueConfidentialWithAnInternalNoteWithinSeconds()
    {
        await using var harness = await ServeHarness.StartAsync();
        var iid = await harness.CreateIssueAsync("Deploy fails", labels: "Bug,Extract");
        await harness.WaitForQuietAsync();
        var token = new TestSecrets(seed: 17).GitLabToken();

        await harness.CommentAsync(iid, $"here is my config:\n\nprivate_token: {token}\n", "developer-user");
        await harness.WaitForQuietAsync();

        var issue = harness.Simulator.State.Issue(harness.ProjectId, iid)!;
        Assert.True(issue.Confidential);
        var warning = Assert.Single(harness.Simulator.State.Notes(harness.ProjectId, iid), n => n.Internal && n.AuthorUsername == "issue-hygiene-bot");
        Assert.Contains("@developer-user", warning.Body, StringComparison.Ordinal);
        Assert.Contains("rotate", warning.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, warning.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_TokenInADescription_ContainedOnceEvenWhenSweptAgain()
    {
        await using var harness = await SweepHarness.StartAsync(issues: 5);
        var project = harness.Simulator.Handbook!.Projects[0].Id;
        var token = new TestSecrets(seed: 23).GitLabToken();
        using var admin = harness.Simulator.CreateClient();
        var created = DateTimeOffset.UtcNow.AddDays(-1).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsync(
            $"/api/v4/projects/{project}/issues?title=CI+broken&labels=Bug,Extract&created_at={Uri.EscapeDataString(created)}&description={Uri.EscapeDataString("token " + token)}", null);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var iid = json.RootElement.GetProperty("iid").GetInt64();
        var reportFile = Path.GetTempFileName();

        var (exit, _, error) = await harness.RunAsync(harness.Configuration(dryRun: false), "sweep", "--report", reportFile);
        var writesAfterFirst = harness.NonGetRequests();
        await harness.RunAsync(harness.Configuration(dryRun: false), "sweep");

        Assert.True(exit is ExitCodes.Clean or ExitCodes.Violations, error);
        Assert.True(harness.Simulator.State.Issue(project, iid)!.Confidential);
        Assert.Single(harness.Simulator.State.Notes(project, iid), n => n.Internal);
        Assert.Equal(writesAfterFirst, harness.NonGetRequests());
        Assert.Contains("secret-leak", await File.ReadAllTextAsync(reportFile), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(reportFile), StringComparison.Ordinal);
        Assert.DoesNotContain(token, error, StringComparison.Ordinal);
    }
}

using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Hosting;
using IssueHygiene.Tests.Cli;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.Tests.Taxonomy;

/// <summary><c>doctor</c> against the simulator: passes on a set-up installation, fails for each thing that is not.</summary>
public sealed class DoctorEndToEndTests
{
    // Nothing listens on the discard port: deliveries to it fail at once.
    private const string PublicUrl = "http://127.0.0.1:9/webhooks/gitlab";

    private static Dictionary<string, string?> Configuration(TaxonomyHarness harness, string? token = null, string? rulesPath = null)
    {
        var configuration = harness.Configuration(dryRun: true, rulesPath: rulesPath, token: token ?? SeededUsers.MaintainerToken);
        configuration["Webhook:PublicUrl"] = PublicUrl;
        return configuration;
    }

    private static Task<System.Text.Json.JsonElement> AddGroupHookAsync(TaxonomyHarness harness, bool allEvents = true, bool mergeRequestEvents = true) =>
        harness.SendAsync(HttpMethod.Post, $"api/v4/groups/{harness.GroupId}/hooks", new()
        {
            ["url"] = PublicUrl,
            ["token"] = "webhook-secret",
            ["issues_events"] = "true",
            ["confidential_issues_events"] = allEvents ? "true" : "false",
            ["note_events"] = allEvents ? "true" : "false",
            ["confidential_note_events"] = allEvents ? "true" : "false",
            ["merge_requests_events"] = mergeRequestEvents ? "true" : "false",
        });

    private static string Line(string output, string startsWith) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(startsWith, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line starting with '{startsWith}' in:\n{output}");

    [Fact]
    public async Task Doctor_EverythingSetUp_PassesEveryCheckAndExitsZero()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness);

        var (exit, output, error) = await harness.RunAsync(Configuration(harness), "doctor");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith('?'));
        Assert.Contains("✓ token valid: acts as @maintainer-user", output, StringComparison.Ordinal);
        Assert.Contains("✓ access in group:handbook-org: @maintainer-user is Maintainer", output, StringComparison.Ordinal);
        Assert.Contains("✓ taxonomy labels in group:handbook-org: all 27 exist", output, StringComparison.Ordinal);
        Assert.StartsWith("✓ sprint milestones ahead in group:handbook-org", Line(output, "✓ sprint milestones"), StringComparison.Ordinal);
        Assert.StartsWith("✓ webhook on group:handbook-org: group hook", Line(output, "✓ webhook"), StringComparison.Ordinal);
        Assert.StartsWith("✓ storage reachable", Line(output, "✓ storage"), StringComparison.Ordinal);
        Assert.StartsWith("✓ schedule parsed", Line(output, "✓ schedule"), StringComparison.Ordinal);
        // Doctor only reads: the one write is the hook this test added.
        Assert.Equal(1, harness.NonGetRequests());
    }

    [Fact]
    public async Task Doctor_TokenMayNotReadHooks_SaysSoWithoutFailing()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness);

        var (exit, output, error) = await harness.RunAsync(Configuration(harness, token: harness.Simulator.BotToken), "doctor");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Contains("? webhook on group:handbook-org: @issue-hygiene-bot (Developer) may not read the webhooks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WrongToken_FailsTheTokenCheck()
    {
        await using var harness = await TaxonomyHarness.StartAsync();

        var (exit, output, _) = await harness.RunAsync(Configuration(harness, token: "not-a-token"), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.StartsWith("✓ GitLab reachable", Line(output, "✓ GitLab"), StringComparison.Ordinal);
        Assert.StartsWith("✗ token valid: GitLab refused the token", Line(output, "✗ token"), StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_GitLabUnreachable_FailsTheReachabilityCheck()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var configuration = Configuration(harness);
        configuration["GitLab:BaseUrl"] = "http://127.0.0.1:9";

        var (exit, output, _) = await harness.RunAsync(configuration, "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.StartsWith("✗ GitLab reachable: http://127.0.0.1:9", Line(output, "✗ GitLab"), StringComparison.Ordinal);
        Assert.Contains("fix: check GitLab:BaseUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_HookDisabledByGitLab_FailsTheWebhookCheck()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness);
        var (projectId, iid) = await harness.CreateIssueAsync("Bug", milestoneId: null);
        for (var edit = 0; edit < 4; edit++)
        {
            await harness.SendAsync(HttpMethod.Put, $"api/v4/projects/{projectId}/issues/{iid}", new() { ["title"] = $"Edited {edit}" });
        }

        await harness.Simulator.WaitForWebhooksAsync();

        var (exit, output, _) = await harness.RunAsync(Configuration(harness), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("✗ webhook on group:handbook-org: GitLab has temporarily disabled hook", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_HookWithoutCommentEvents_FailsNamingTheMissingEvents()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness, allEvents: false);

        var (exit, output, _) = await harness.RunAsync(Configuration(harness), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("does not send Confidential issues events, Comments, Confidential comments", Line(output, "✗ webhook"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MergeRequestRulesOnAndHookWithoutMergeRequestEvents_FailsNamingThem()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness, mergeRequestEvents: false);

        var (exit, output, _) = await harness.RunAsync(Configuration(harness), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        var webhook = Line(output, "✗ webhook");
        Assert.Contains("does not send Merge request events", webhook, StringComparison.Ordinal);
        Assert.Contains("tick Issues events, Confidential issues events, Comments, Confidential comments and Merge request events", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MergeRequestRulesOff_HookWithoutMergeRequestEventsPasses()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness, mergeRequestEvents: false);
        var rules = harness.RulesFile(text => text
            .Replace("mr-reviewer-required:      { severity: warning, action: comment }", "mr-reviewer-required:      { severity: warning, action: off }", StringComparison.Ordinal)
            .Replace("mr-self-merged:            { severity: error,   action: comment }", "mr-self-merged:            { severity: error,   action: off }", StringComparison.Ordinal)
            .Replace("mr-community-expert-merge: { severity: error,   action: comment }", "mr-community-expert-merge: { severity: error,   action: off }", StringComparison.Ordinal));

        var (exit, output, error) = await harness.RunAsync(Configuration(harness, rulesPath: rules), "doctor");

        Assert.True(exit == ExitCodes.Clean, output + error);
        Assert.Contains("with Issues events, Confidential issues events, Comments and Confidential comments, enabled", Line(output, "✓ webhook"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoGroupHookAndOneProjectWithout_FailsNamingThatProject()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        var projects = harness.Simulator.Handbook!.Projects;
        foreach (var project in projects.Skip(1))
        {
            await harness.SendAsync(HttpMethod.Post, $"api/v4/projects/{project.Id}/hooks", new()
            {
                ["url"] = PublicUrl,
                ["issues_events"] = "true",
                ["confidential_issues_events"] = "true",
                ["note_events"] = "true",
                ["confidential_note_events"] = "true",
                ["merge_requests_events"] = "true",
            });
        }

        var (exit, output, _) = await harness.RunAsync(Configuration(harness), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        var webhook = Line(output, "✗ webhook");
        Assert.Contains($"{projects[0].PathWithNamespace} has none", webhook, StringComparison.Ordinal);
        Assert.DoesNotContain(projects[1].PathWithNamespace + " has none", webhook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_MissingLabelAndTooFewSprints_FailsWithTheCommandsThatFixThem()
    {
        // Monday 23 November: the seed planned through 8 January, six weeks after this week's sprint.
        await using var harness = await TaxonomyHarness.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        await AddGroupHookAsync(harness);
        var rules = harness.RulesFile(text => text
            .Replace("planAheadWeeks: 6", "planAheadWeeks: 9", StringComparison.Ordinal)
            .Replace("    - name: Plugin Management\n", "    - name: Security\n      color: '#B60205'\n    - name: Plugin Management\n", StringComparison.Ordinal));

        var (exit, output, _) = await harness.RunAsync(Configuration(harness, rulesPath: rules), "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.Contains("✗ taxonomy labels in group:handbook-org: 1 missing: \"Security\"", output, StringComparison.Ordinal);
        Assert.Contains("issue-hygiene labels sync --group handbook-org", output, StringComparison.Ordinal);
        Assert.Contains("✗ sprint milestones ahead in group:handbook-org: 2 missing: \"2027-01-15\", \"2027-01-22\"", output, StringComparison.Ordinal);
        Assert.Contains("issue-hygiene milestones plan --group handbook-org", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_BadRulesScheduleAndStorage_FailsEachWithoutStopping()
    {
        await using var harness = await TaxonomyHarness.StartAsync();
        await AddGroupHookAsync(harness);
        var configuration = Configuration(harness, rulesPath: CliRunner.TempFile("version: 1\nrules:\n  no-such-rule: { action: fix }\n", ".yml"));
        configuration["Schedule:Cron"] = "every night";
        configuration["Milestones:PlanCron"] = "0 6 * * 1";
        configuration["Storage:ConnectionString"] = "Data Source=/proc/no-such-dir/store.db";

        var (exit, output, _) = await harness.RunAsync(configuration, "doctor");

        Assert.Equal(ExitCodes.Violations, exit);
        Assert.StartsWith("✗ rules file valid", Line(output, "✗ rules"), StringComparison.Ordinal);
        Assert.Contains("no-such-rule", Line(output, "✗ rules"), StringComparison.Ordinal);
        Assert.Contains("Schedule:Cron 'every night'", Line(output, "✗ schedule"), StringComparison.Ordinal);
        Assert.StartsWith("✗ storage reachable", Line(output, "✗ storage"), StringComparison.Ordinal);
        // GitLab is still checked.
        Assert.StartsWith("✓ token valid", Line(output, "✓ token"), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// stdout is for data: with a GitLab that fails one request in five, every <c>--format json</c> command still prints
/// one JSON document on stdout, and the retry warnings go to stderr.
/// </summary>
public sealed class JsonOutputTests : IAsyncLifetime
{
    private SweepHarness _harness = null!;

    public static TheoryData<string[]> JsonCommands() => new()
    {
        { ["report", "--format", "json"] },
        { ["doctor", "--format", "json"] },
        { ["labels", "sync", "--dry-run", "--format", "json"] },
        { ["milestones", "plan", "--dry-run", "--format", "json"] },
        { ["lint", "--dry-run", "--format", "json", "PROJECT#1"] },
    };

    public async Task InitializeAsync() => _harness = await SweepHarness.StartAsync(issues: 60, seed: 3, knobs: new SimulatorKnobsSettings
    {
        FaultRate = 0.2,
        FaultKinds = FaultKinds.ServerErrors | FaultKinds.DropConnection,
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [MemberData(nameof(JsonCommands))]
    public async Task Command_FormatJsonUnderTwentyPercentFaults_StdoutIsOneJsonDocument(string[] args)
    {
        var project = _harness.Simulator.Handbook!.Projects[0];
        args = [.. args.Select(a => a == "PROJECT#1" ? $"{project.Id}#{_harness.Simulator.State.Issues().First(i => i.ProjectId == project.Id).Iid}" : a)];
        var configuration = _harness.Configuration(dryRun: true);
        configuration["GitLab:MaxRetries"] = "12";
        configuration["GitLab:RetryBaseDelay"] = "00:00:00.005";

        // A short command makes a handful of requests, which one time in a few meets no fault at 20 %: run it until
        // GitLab has failed at least once (each run's stdout must parse).
        for (var run = 0; run < 10 && !_harness.Simulator.RequestLog.Entries.Any(e => e.Status >= 500 || e.Status == 0); run++)
        {
            var (exit, output, error) = await _harness.RunAsync(configuration, args);

            Assert.True(exit is 0 or 1, $"exit {exit}: {error}");
            using var document = JsonDocument.Parse(output);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        Assert.True(_harness.Simulator.RequestLog.Entries.Any(e => e.Status >= 500 || e.Status == 0), "no fault was injected in ten runs");
    }

    [Fact]
    public async Task Lint_FormatJson_SameKeysOnlineAndOffline()
    {
        var issue = _harness.Simulator.State.Issues()[0];
        var configuration = _harness.Configuration(dryRun: true);
        configuration["GitLab:MaxRetries"] = "12";
        configuration["GitLab:RetryBaseDelay"] = "00:00:00.005";

        var (_, online, onlineError) = await _harness.RunAsync(configuration, "lint", "--format", "json", $"{issue.ProjectId}#{issue.Iid}");
        var (_, offline, _) = CliRunner.Run("lint", "--issue-json", CliRunner.Repo("examples/issue-needs-triage.json"), "--rules", CliRunner.Repo("rules/handbook.yml"), "--format", "json");

        Assert.Equal(Keys(offline), Keys(online));
        Assert.Contains("\"status\"", online, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", onlineError, StringComparison.Ordinal);
    }

    private static List<string> Keys(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}

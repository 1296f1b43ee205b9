using IssueHygiene.Hosting;
using IssueHygiene.Tests.Sweep;

namespace IssueHygiene.Tests.Cli;

/// <summary>
/// Every bad configuration value and every bad argument: exit 2 and exactly one line on stderr naming the key or
/// option — no stack trace, nothing on stdout — before a single request reaches GitLab.
/// </summary>
public sealed class ConfigurationErrorTests : IAsyncLifetime
{
    private SweepHarness _harness = null!;

    public static TheoryData<string, string, string> BadValues() => new()
    {
        // key, value, what the line must name
        { "Scopes:Groups:0", "", "Scopes:Groups:0 (IssueHygiene__Scopes__Groups__0)" },
        { "Scopes:Projects:0", " ", "Scopes:Projects:0" },
        { "MaxWritesPerRun", "abc", "MaxWritesPerRun (IssueHygiene__MaxWritesPerRun)" },
        { "MaxWritesPerRun", "-1", "MaxWritesPerRun" },
        { "DryRun", "maybe", "DryRun (IssueHygiene__DryRun)" },
        { "FixMode", "sometimes", "FixMode" },
        { "Storage:Provider", "mysql", "Storage:Provider" },
        { "Storage:Durability", "fast", "Storage:Durability" },
        { "GitLab:BaseUrl", "gitlab.example.com", "GitLab:BaseUrl" },
        { "GitLab:Token", "", "GitLab:Token" },
        { "GitLab:TokenFile", "/nonexistent/token", "GitLab:TokenFile" },
        { "GitLab:RequestsPerMinute", "x", "GitLab:RequestsPerMinute (IssueHygiene__GitLab__RequestsPerMinute)" },
        { "GitLab:NotesPerMinute", "0", "NotesPerMinute" },
        { "GitLab:ReplicaCount", "0", "ReplicaCount" },
        { "GitLab:PerPage", "500", "GitLab:PerPage" },
        { "GitLab:Timeout", "soon", "GitLab:Timeout" },
        { "GitLab:MaxRetries", "-1", "GitLab:MaxRetries" },
        { "GitLab:MaxPageConcurrency", "lots", "GitLab:MaxPageConcurrency" },
        { "Schedule:Cron", "every night", "Schedule:Cron" },
        { "Schedule:TimeZone", "Mars/Olympus", "Schedule:TimeZone" },
        { "Schedule:LeaseTtl", "00:00:01", "Schedule:LeaseTtl" },
        { "Schedule:RunMissed", "perhaps", "Schedule:RunMissed" },
        { "Schedule:Incremental", "2", "Schedule:Incremental" },
        { "Poll:Interval", "00:00:01", "Poll:Interval" },
        { "Worker:Concurrency", "many", "Worker:Concurrency" },
        { "Worker:Debounce", "short", "Worker:Debounce" },
        { "Webhook:AllowInsecure", "sure", "Webhook:AllowInsecure" },
        { "Rules:Path", "/nonexistent/rules.yml", "/nonexistent/rules.yml" },
    };

    public static TheoryData<string[], string> BadArguments() => new()
    {
        { ["sweep", "--max-writes", "abc"], "--max-writes" },
        { ["sweep", "--format", "xml"], "--format" },
        { ["sweep", "--report", "/nonexistent-folder/report.md"], "--report /nonexistent-folder/report.md" },
        { ["sweep", "--dry-run", "--apply"], "--dry-run and --apply" },
        { ["sweep", "--bogus"], "--bogus" },
        { ["report", "--report", "/proc/hygiene.md"], "--report /proc/hygiene.md" },
        { ["lint", "not-an-issue"], "not-an-issue" },
        { ["lint", "group/project#1", "--apply", "--dry-run"], "--dry-run and --apply" },
        { ["labels", "sync", "--format", "yaml"], "--format" },
        { ["milestones", "plan", "--max-writes", "-"], "--max-writes" },
        { ["doctor", "--format", "yaml"], "--format" },
        { ["demo", "--issues", "0"], "--issues" },
        { ["demo", "--output", "/proc/demo-output"], "--output /proc/demo-output" },
    };

    public async Task InitializeAsync() => _harness = await SweepHarness.StartAsync(issues: 3);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Sweep_BadConfigurationValue_OneLineNamingTheKeyExit2NoGitLabRequest(string key, string value, string named)
    {
        var configuration = _harness.Configuration(dryRun: true);
        configuration[key] = value;

        var (exit, output, error) = await _harness.RunAsync(configuration, "sweep");

        AssertOneLineError(exit, output, error, named);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Command_BadArgument_OneLineNamingTheOptionExit2NoGitLabRequest(string[] args, string named)
    {
        var (exit, output, error) = await _harness.RunAsync(_harness.Configuration(dryRun: true), args);

        AssertOneLineError(exit, output, error, named);
    }

    private void AssertOneLineError(int exit, string output, string error, string named)
    {
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Empty(_harness.Simulator.RequestLog.Entries);
    }
}

using System.Globalization;
using System.Net.Http.Json;
using IssueHygiene.GitLabSimulator;
using IssueHygiene.Polling;
using IssueHygiene.Sweeping;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.Polling;

/// <summary>Helpers shared by the polling tests: configuration, issue edits, and waiting on the tracker.</summary>
internal static class PollingTestKit
{
    /// <summary>
    /// How long a polling test waits for something to happen. Every wait ends as soon as it happens (a passing run takes
    /// a second or two); the deadline is for a CI machine whose two cores are shared with the native build and the
    /// PostgreSQL fleet tests, where a replica once did not finish five 200 ms poll ticks in ten seconds.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Serve with polling every <paramref name="interval"/> (below the production minimum, through the test-only key).</summary>
    public static Action<Dictionary<string, string?>> PollEvery(TimeSpan interval, Action<Dictionary<string, string?>>? more = null) => configuration =>
    {
        configuration[PollingServiceCollectionExtensions.TestOnlyIntervalKey] = interval.ToString("c", CultureInfo.InvariantCulture);
        more?.Invoke(configuration);
    };

    public static SweepScope GroupScope(SimulatedGitLab simulator) => new(SweepScopeKind.Group, simulator.Handbook!.GroupPath);

    /// <summary>
    /// Creates an issue past the grace period and then edits it, as a person would: the simulator dates a back-dated
    /// issue's <c>updated_at</c> with its <c>created_at</c>, and the edit makes it "changed now", which polling looks for.
    /// </summary>
    public static async Task<long> OpenIssueAsync(ServeHarness harness, string title, string labels = "", long? milestoneId = null)
    {
        var iid = await harness.CreateIssueAsync(title, labels, milestoneId);
        await EditDescriptionAsync(harness.Simulator, harness.ProjectId, iid, "Steps to reproduce: run the pipeline.");
        return iid;
    }

    public static async Task EditDescriptionAsync(SimulatedGitLab simulator, long projectId, long iid, string description)
    {
        using var client = simulator.CreateClient();
        using var response = await client.PutAsJsonAsync($"/api/v4/projects/{projectId}/issues/{iid}", new Dictionary<string, object> { ["description"] = description });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<long> EvaluationsAsync(ServeHarness harness)
    {
        var line = (await harness.Http.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith("issuehygiene_evaluations_total ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    public static bool IsIssueList(RequestLogEntry entry, string scopePrefix) =>
        entry.Method == "GET" && entry.Path.StartsWith(scopePrefix, StringComparison.Ordinal) && entry.Path.EndsWith("/issues", StringComparison.Ordinal);

    public static int GroupIssueLists(ServeHarness harness) => harness.Simulator.RequestLog.Entries.Count(e => IsIssueList(e, "/api/v4/groups/"));

    /// <summary>
    /// Waits until the poller has listed the group's issues <paramref name="polls"/> more times: the event that shows
    /// time passed for polling, so a test can then check that those polls changed nothing.
    /// </summary>
    public static Task PollsAsync(ServeHarness harness, int polls)
    {
        var target = GroupIssueLists(harness) + polls;
        return Eventually.AssertAsync(() => GroupIssueLists(harness) >= target, Patience, $"{polls} more polls");
    }
}

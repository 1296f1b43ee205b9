using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Starting simulators for tests: a fixed clock (Monday 2026-11-23 10:00 UTC) unless told otherwise.</summary>
internal static class TestSimulator
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Task<SimulatedGitLab> StartAsync(int issues = 0, FakeTimeProvider? clock = null, SimulatorKnobsSettings? knobs = null, int seed = 42) =>
        SimulatedGitLab.StartAsync(new SimulatorOptions
        {
            Issues = issues,
            Seed = seed,
            TimeProvider = clock ?? new FakeTimeProvider(Now),
            Knobs = knobs ?? new SimulatorKnobsSettings(),
        });

    public static long ProjectId(this SimulatedGitLab sim, int index = 0) => sim.Handbook!.Projects[index].Id;

    /// <summary>Creates an issue through the API and returns its iid.</summary>
    public static async Task<long> CreateIssueAsync(this HttpClient client, long projectId, object? fields = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = "Test issue" };
        foreach (var property in fields?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(fields);
        }

        var response = await client.PostApiAsync($"api/v4/projects/{projectId}/issues", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.Status);
        return response.Object["iid"]!.GetValue<long>();
    }

    public static async Task<long> RegisterHookAsync(this HttpClient client, long projectId, string url, string token = "hook-secret", bool confidential = false)
    {
        var response = await client.PostApiAsync($"api/v4/projects/{projectId}/hooks", new
        {
            url,
            token,
            issues_events = true,
            note_events = true,
            confidential_issues_events = confidential,
            confidential_note_events = confidential,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.Status);
        return response.Object["id"]!.GetValue<long>();
    }
}

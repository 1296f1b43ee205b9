using System.Net.Http.Json;
using IssueHygiene.GitLabSimulator.Seeding;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>An MR that touches code, opened and merged by its own author (the handbook's "reviewed and merged by someone else" broken).</summary>
internal static class SelfMergedMergeRequest
{
    /// <summary>Pushes <paramref name="branch"/>, opens the MR as the developer, lets the hooks settle, merges it as the same developer; returns its iid.</summary>
    public static async Task<long> OpenAndMergeAsync(ServeHarness harness, string branch)
    {
        harness.Simulator.PushBranch(harness.ProjectId, branch, "src/meltano/core/runner.py");
        using var developer = harness.Simulator.CreateClient(sudo: SeededUsers.Developer);
        var created = await developer.PostAsJsonAsync($"api/v4/projects/{harness.ProjectId}/merge_requests",
            new { title = "Run faster", source_branch = branch, target_branch = "main" });
        created.EnsureSuccessStatusCode();
        var iid = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["iid"]!.GetValue<long>();
        await harness.WaitForQuietAsync();
        (await developer.PutAsync($"api/v4/projects/{harness.ProjectId}/merge_requests/{iid}/merge", null)).EnsureSuccessStatusCode();
        await harness.WaitForQuietAsync();
        return iid;
    }
}

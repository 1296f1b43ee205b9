using System.Net.Http.Json;
using IssueHygiene.Tests.Serve;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>The group webhook the merge-request tests point at <c>serve</c>: Merge Request Hooks, and comments when asked.</summary>
internal static class MergeRequestGroupHook
{
    public static async Task RegisterAsync(ServeHarness harness, bool noteEvents)
    {
        using var admin = harness.Simulator.CreateClient();
        var events = new Dictionary<string, object>
        {
            ["url"] = harness.Url + "/webhooks/gitlab",
            ["token"] = ServeHarness.Secret,
            ["merge_requests_events"] = true,
        };
        if (noteEvents)
        {
            events["note_events"] = true;
        }

        (await admin.PostAsJsonAsync($"api/v4/groups/{harness.Simulator.Handbook!.GroupId}/hooks", events)).EnsureSuccessStatusCode();
    }
}

using System.Net;
using IssueHygiene.GitLabSimulator.Seeding;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>What <c>doctor</c> reads: a user's effective access to a group, and a hook's <c>alert_status</c>.</summary>
public sealed class GroupMembershipAndHookStatusTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync();
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Theory]
    [InlineData(SeededUsers.Developer, 30)]
    [InlineData(SeededUsers.Maintainer, 40)]
    [InlineData(SeededUsers.Bot, 30)]
    public async Task GetGroupMember_Member_AnswersItsAccessLevel(string username, int accessLevel)
    {
        var response = await _client.GetApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/members/all/{_sim.State.UserId(username)}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(accessLevel, response.Object["access_level"]!.GetValue<int>());
        Assert.Equal(username, response.Object["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetGroupMember_InheritedIntoTheSubgroup_AnswersTheParentsLevel()
    {
        var response = await _client.GetApiAsync($"api/v4/groups/{Uri.EscapeDataString("handbook-org/platform")}/members/all/{_sim.State.UserId(SeededUsers.Reporter)}");

        Assert.Equal(20, response.Object["access_level"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetGroupMember_NotAMember_Is404()
    {
        var response = await _client.GetApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/members/all/{_sim.State.UserId(SeededUsers.Outsider)}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Theory]
    [InlineData(3, "executable")]
    [InlineData(4, "temporarily_disabled")]
    public async Task ListHooks_AfterFailedDeliveriesInARow_ShowsGitLabsAlertStatus(int failures, string expected)
    {
        var projectId = _sim.ProjectId();
        // Nothing listens on the discard port: every delivery fails.
        var hookId = await _client.RegisterHookAsync(projectId, "http://127.0.0.1:9/hook");
        var iid = await _client.CreateIssueAsync(projectId);
        for (var edit = 1; edit < failures; edit++)
        {
            await _client.PutApiAsync($"api/v4/projects/{projectId}/issues/{iid}", new { title = $"Edit {edit}" });
        }

        await _sim.WaitForWebhooksAsync();
        var response = await _client.GetApiAsync($"api/v4/projects/{projectId}/hooks");

        Assert.Equal(failures, _sim.WebhookDeliveries.Count(d => d.HookId == hookId));
        Assert.Equal(expected, response.Array.Single(h => h!["id"]!.GetValue<long>() == hookId)!["alert_status"]!.GetValue<string>());
    }
}

using System.Net;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>PRIVATE-TOKEN authentication, Sudo for the admin, and what members may see and do.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task AnyEndpoint_MissingOrWrongToken_Returns401WithGitLabsBody(string? token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_sim.BaseUrl + "/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        }

        var response = await client.GetApiAsync("api/v4/projects");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("{\"message\":\"401 Unauthorized\"}", response.Text);
    }

    [Fact]
    public async Task GetUser_BearerToken_IsAcceptedLikePrivateToken()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_sim.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", _sim.BotToken);

        var response = await client.GetApiAsync("api/v4/user");

        Assert.Equal(Seeding.SeededUsers.Bot, response.Object["username"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Seeding.SeededUsers.Guest)]
    [InlineData(Seeding.SeededUsers.Reporter)]
    [InlineData(Seeding.SeededUsers.Developer)]
    [InlineData(Seeding.SeededUsers.Bot)]
    public async Task GetUser_AdminWithSudo_ActsAsThatUser(string username)
    {
        using var client = _sim.CreateClient(sudo: username);

        var response = await client.GetApiAsync("api/v4/user");

        Assert.Equal(username, response.Object["username"]!.GetValue<string>());
        Assert.False(response.Object["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sudo_NonAdminToken_Returns403()
    {
        using var client = _sim.CreateClient(_sim.BotToken, sudo: Seeding.SeededUsers.Guest);

        var response = await client.GetApiAsync("api/v4/user");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("403 Forbidden - Must be admin to use sudo", response.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sudo_UnknownUser_Returns404()
    {
        using var client = _sim.CreateClient(sudo: "no-such-user");

        var response = await client.GetApiAsync("api/v4/user");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task EditIssue_GuestOnSomeoneElsesIssue_Returns403()
    {
        using var admin = _sim.CreateClient();
        var iid = await admin.CreateIssueAsync(_sim.ProjectId());
        using var guest = _sim.CreateClient(sudo: Seeding.SeededUsers.Guest);

        var response = await guest.PutApiAsync($"api/v4/projects/{_sim.ProjectId()}/issues/{iid}", new { title = "Hijacked" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Test issue", _sim.State.Issue(_sim.ProjectId(), iid)!.Title);
    }

    [Fact]
    public async Task GetProject_Outsider_Returns404NotForbidden()
    {
        using var outsider = _sim.CreateClient(Seeding.SeededUsers.OutsiderToken);

        var response = await outsider.GetApiAsync($"api/v4/projects/{_sim.ProjectId()}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404 Project Not Found", response.Object["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Seeding.SeededUsers.Guest, 10)]
    [InlineData(Seeding.SeededUsers.Reporter, 20)]
    [InlineData(Seeding.SeededUsers.Developer, 30)]
    [InlineData(Seeding.SeededUsers.Maintainer, 40)]
    [InlineData(Seeding.SeededUsers.Root, 50)]
    public async Task GetMemberAll_InheritedGroupMembership_ReturnsAccessLevel(string username, int accessLevel)
    {
        using var client = _sim.CreateClient();

        var response = await client.GetApiAsync($"api/v4/projects/{_sim.ProjectId(2)}/members/all/{_sim.State.UserId(username)}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(accessLevel, response.Object["access_level"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetMemberAll_NotAMember_Returns404()
    {
        using var client = _sim.CreateClient();

        var response = await client.GetApiAsync($"api/v4/projects/{_sim.ProjectId()}/members/all/{_sim.State.UserId(Seeding.SeededUsers.Outsider)}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task ConfidentialIssue_Guest_CannotSeeIt()
    {
        using var admin = _sim.CreateClient();
        var iid = await admin.CreateIssueAsync(_sim.ProjectId(), new { confidential = true });
        using var guest = _sim.CreateClient(sudo: Seeding.SeededUsers.Guest);

        var single = await guest.GetApiAsync($"api/v4/projects/{_sim.ProjectId()}/issues/{iid}");
        var list = await guest.GetApiAsync($"api/v4/projects/{_sim.ProjectId()}/issues");

        Assert.Equal(HttpStatusCode.NotFound, single.Status);
        Assert.Empty(list.Array);
    }
}

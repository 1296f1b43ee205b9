using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>The reads <c>doctor</c> added: a user's effective group access, and a hook's alert status.</summary>
public sealed class GroupAccessAndHookStatusTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    [Fact]
    public async Task GetGroupEffectiveAccessLevelAsync_Member_ReturnsItsLevel()
    {
        Server.Given(Request.Create().WithPath("/api/v4/groups/12/members/all/7").UsingGet())
            .RespondWith(GitLabResponses.Json("""{"id":7,"username":"bot","access_level":30}"""));
        var client = CreateClient();

        Assert.Equal(GitLabAccessLevel.Developer, await client.GetGroupEffectiveAccessLevelAsync(12, 7));
    }

    [Fact]
    public async Task GetGroupEffectiveAccessLevelAsync_NotAMember_ReturnsNone()
    {
        Server.Given(Request.Create().WithPath("/api/v4/groups/5/members/all/7").UsingGet())
            .RespondWith(GitLabResponses.Json("""{"message":"404 Not found"}""", 404));
        var client = CreateClient();

        Assert.Equal(GitLabAccessLevel.None, await client.GetGroupEffectiveAccessLevelAsync(5, 7));
    }

    [Fact]
    public async Task ListGroupHooksAsync_DisabledHook_ReadsAlertStatusAndDisabledUntil()
    {
        Server.Given(Request.Create().WithPath("/api/v4/groups/5/hooks").UsingGet())
            .RespondWith(GitLabResponses.Json("""
                [{"id":1,"url":"https://hygiene.example.com/webhooks/gitlab","group_id":5,"issues_events":true,"note_events":true,
                  "alert_status":"temporarily_disabled","disabled_until":"2026-11-23T10:15:00.000Z"},
                 {"id":2,"url":"https://other.example.com/","group_id":5}]
                """).WithHeader("X-Page", "1").WithHeader("X-Next-Page", ""));
        var client = CreateClient();

        var hooks = await client.ListGroupHooksAsync(5).ToListAsync();

        Assert.Equal("temporarily_disabled", hooks[0].AlertStatus);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero), hooks[0].DisabledUntil);
        Assert.Null(hooks[1].AlertStatus);
    }
}

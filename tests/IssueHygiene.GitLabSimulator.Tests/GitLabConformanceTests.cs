using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IssueHygiene.GitLabSimulator.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// Behaviours where clients nobody here wrote (python-gitlab, gitlab-triage) found the simulator
/// differing from GitLab; each test names the GitLab (or Grape/Rails) source it follows.
/// </summary>
public sealed class GitLabConformanceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestSimulator.Now);
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync(clock: _clock);
        _client = _sim.CreateClient();
        _project = _sim.ProjectId();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    private string NotesPath(long iid) => $"api/v4/projects/{_project}/issues/{iid}/notes";

    private async Task<HttpResponseMessage> SendWithJsonTypeAndNoBodyAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.SendAsync(request);
    }

    // Grape::Middleware::Formatter#read_body_input: a body is read only for POST/PUT/PATCH/DELETE with content.
    [Theory]
    [InlineData("api/v4/user")]
    [InlineData("api/v4/projects?per_page=2")]
    [InlineData("api/v4/groups")]
    public async Task Get_JsonContentTypeWithoutBody_IsAnsweredNormally(string path)
    {
        using var response = await SendWithJsonTypeAndNoBodyAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Grape::Middleware::Formatter#read_body_input: an empty DELETE body is not parsed either (python-gitlab's delete()).
    [Fact]
    public async Task Delete_JsonContentTypeWithoutBody_IsAnsweredNormally()
    {
        var iid = await _client.CreateIssueAsync(_project);

        using var response = await SendWithJsonTypeAndNoBodyAsync(HttpMethod.Delete, $"api/v4/projects/{_project}/issues/{iid}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    // lib/api/issues.rb post ':id/issues' passes created_at to Issues::CreateService; Rails'
    // ActiveRecord::Timestamp#_create_record then sets only the missing updated_at, to the time of the write.
    [Fact]
    public async Task CreateIssue_AdminBackDatesCreatedAt_UpdatedAtIsTheWriteTime()
    {
        var iid = await _client.CreateIssueAsync(_project, new { created_at = "2026-01-02T03:04:05Z" });

        var issue = _sim.State.Issue(_project, iid)!;
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), issue.CreatedAt);
        Assert.Equal(TestSimulator.Now, issue.UpdatedAt);
        var since = Uri.EscapeDataString(TestSimulator.Now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
        var listed = await _client.GetApiAsync($"api/v4/projects/{_project}/issues?updated_after={since}");
        Assert.Contains(listed.Array, i => i!["iid"]!.GetValue<long>() == iid);
    }

    // lib/api/concerns/pagination_params.rb: per_page is declared `type: Integer, except_values: [0]`;
    // Grape's messages are "has a value not allowed" and "is invalid".
    [Theory]
    [InlineData("per_page=0", "per_page has a value not allowed")]
    [InlineData("per_page=abc", "per_page is invalid")]
    [InlineData("page=abc", "page is invalid")]
    public async Task List_BadPaginationParameter_Returns400WithGrapesMessage(string query, string error)
    {
        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/issues?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(error, response.Object["error"]!.GetValue<string>());
    }

    // Kaminari (config/initializers/kaminari_config.rb max_per_page 100; Kaminari's per(n) ignores n < 0)
    // behind GitLab's Gitlab::Pagination::OffsetPagination: above 100 is capped, negative is the default 20.
    [Theory]
    [InlineData("per_page=500", "100")]
    [InlineData("per_page=-1", "20")]
    public async Task List_PerPageOutOfRange_IsCappedOrDefaulted(string query, string perPage)
    {
        var response = await _client.GetApiAsync($"api/v4/projects?{query}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(perPage, response.Header("X-Per-Page"));
    }

    // app/services/notes/update_service.rb Notes::UpdateService#execute runs the quick actions of the edited body.
    [Fact]
    public async Task EditNote_WithQuickAction_AppliesItAndStoresTheTextOnly()
    {
        var iid = await _client.CreateIssueAsync(_project);
        var note = await _client.PostApiAsync(NotesPath(iid), new { body = "first" });
        var noteId = note.Object["id"]!.GetValue<long>();

        var response = await _client.PutApiAsync($"{NotesPath(iid)}/{noteId}", new { body = "triaged\n/label ~Bug" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("triaged", response.Object["body"]!.GetValue<string>());
        Assert.Equal(["Bug"], _sim.State.Issue(_project, iid)!.Labels);
    }

    // Notes::UpdateService#execute: commands only → apply them, delete_note; NotesHelpers#update_note then
    // answers 400 "Failed to save note …" because the note's body is blank.
    [Fact]
    public async Task EditNote_CommandsOnly_AppliesThemDeletesTheNoteAndReturns400()
    {
        var iid = await _client.CreateIssueAsync(_project);
        var note = await _client.PostApiAsync(NotesPath(iid), new { body = "first" });
        var noteId = note.Object["id"]!.GetValue<long>();

        var response = await _client.PutApiAsync($"{NotesPath(iid)}/{noteId}", new { body = "/close" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("400 Bad request - Failed to save note", response.Object["message"]!.GetValue<string>());
        Assert.Equal("closed", _sim.State.Issue(_project, iid)!.State);
        Assert.DoesNotContain(_sim.State.Notes(_project, iid), n => n.Id == noteId);
    }

    // Gitlab::QuickActions::Extractor via InterpretService#extractor (all command_definitions): a command the
    // user may not run is removed from an edited note too, and not applied (its condition fails).
    [Fact]
    public async Task EditNote_GuestUsesLabel_RemovedFromTheNoteButNotApplied()
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var guest = _sim.CreateClient(SeededUsers.GuestToken);
        var note = await guest.PostApiAsync(NotesPath(iid), new { body = "hello" });
        var noteId = note.Object["id"]!.GetValue<long>();

        var response = await guest.PutApiAsync($"{NotesPath(iid)}/{noteId}", new { body = "hello again\n/label ~Bug" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("hello again", response.Object["body"]!.GetValue<string>());
        Assert.Empty(_sim.State.Issue(_project, iid)!.Labels);
    }

    // lib/api/members.rb get ":id/members" (direct) vs get ":id/members/all" (MembersHelpers#find_all_members:
    // inherited and direct). The seeded members belong to the group, so the project has no direct ones.
    [Fact]
    public async Task ProjectMembers_AllIncludesInheritedGroupMembers_DirectListDoesNot()
    {
        var direct = await _client.GetApiAsync($"api/v4/projects/{_project}/members");
        var all = await _client.GetApiAsync($"api/v4/projects/{_project}/members/all?per_page=100");

        Assert.Equal(HttpStatusCode.OK, direct.Status);
        Assert.Empty(direct.Array);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var levels = all.Array.ToDictionary(m => m!["username"]!.GetValue<string>(), m => m!["access_level"]!.GetValue<int>());
        Assert.Equal(50, levels[SeededUsers.Root]);
        Assert.Equal(10, levels[SeededUsers.Guest]);
        Assert.Equal(40, levels[SeededUsers.Maintainer]);
        Assert.DoesNotContain(SeededUsers.Outsider, levels.Keys);
    }

    // lib/api/members.rb get ":id/members/all" for a group (GroupMembersFinder, include_relations inherited + direct):
    // the subgroup has no members of its own but inherits the top group's; `query` as MembersHelpers#retrieve_members.
    [Fact]
    public async Task GroupMembersAll_SubgroupInheritsTheParentsMembersAndFiltersByQuery()
    {
        var subgroup = _sim.Handbook!.SubgroupId;

        var all = await _client.GetApiAsync($"api/v4/groups/{subgroup}/members/all");
        var direct = await _client.GetApiAsync($"api/v4/groups/{subgroup}/members");
        var filtered = await _client.GetApiAsync($"api/v4/groups/{subgroup}/members/all?query=reporter");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Empty(direct.Array);
        Assert.Contains(all.Array, m => m!["username"]!.GetValue<string>() == SeededUsers.Developer);
        Assert.Equal([SeededUsers.Reporter], filtered.Array.Select(m => m!["username"]!.GetValue<string>()));
    }
}

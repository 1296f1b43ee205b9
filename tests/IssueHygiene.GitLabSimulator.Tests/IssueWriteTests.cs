using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Creating and editing issues, labels and milestones with GitLab's parameters and quirks.</summary>
public sealed class IssueWriteTests : IAsyncLifetime
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

    private string IssuePath(long iid) => $"api/v4/projects/{_project}/issues/{iid}";

    private IssueView Issue(long iid) => _sim.State.Issue(_project, iid)!;

    [Fact]
    public async Task CreateIssue_AdminWithCreatedAt_KeepsTheGivenTime()
    {
        var iid = await _client.CreateIssueAsync(_project, new { created_at = "2026-01-02T03:04:05Z" });

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Issue(iid).CreatedAt);
    }

    [Fact]
    public async Task CreateIssue_DeveloperWithCreatedAt_GetsNowAsGitLabIgnoresIt()
    {
        using var developer = _sim.CreateClient(sudo: Seeding.SeededUsers.Developer);

        var iid = await developer.CreateIssueAsync(_project, new { created_at = "2026-01-02T03:04:05Z" });

        Assert.Equal(TestSimulator.Now, Issue(iid).CreatedAt);
    }

    [Fact]
    public async Task CreateIssue_NoTitle_Returns400()
    {
        var response = await _client.PostApiAsync($"api/v4/projects/{_project}/issues", new { description = "no title" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("title is missing", response.Object["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditIssue_AddLabelsUnknown_SilentlyCreatesAProjectLabel()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await _client.PutApiAsync(IssuePath(iid), new { add_labels = "brand new,Bug" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["Bug", "brand new"], Issue(iid).Labels);
        Assert.Contains(_sim.State.Labels(), l => l.Title == "brand new" && l.ProjectId == _project);
    }

    [Fact]
    public async Task EditIssue_LabelsAndRemoveLabels_ReplaceThenRemove()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug,CLI" });

        await _client.PutApiAsync(IssuePath(iid), new { labels = "UI,Documentation,Load", remove_labels = "Load" });

        Assert.Equal(["Documentation", "UI"], Issue(iid).Labels);
    }

    [Fact]
    public async Task EditIssue_EmptyLabels_ClearsLabels()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug" });

        await _client.PutApiAsync(IssuePath(iid), new { labels = "" });

        Assert.Empty(Issue(iid).Labels);
    }

    [Theory]
    [InlineData(999_999L)]
    [InlineData(0L)]
    public async Task EditIssue_UnknownOrZeroMilestoneId_ClearsTheMilestone(long milestoneId)
    {
        var iid = await _client.CreateIssueAsync(_project, new { milestone_id = _sim.Handbook!.BacklogMilestoneId });

        await _client.PutApiAsync(IssuePath(iid), new { milestone_id = milestoneId });

        Assert.Null(Issue(iid).MilestoneId);
    }

    [Fact]
    public async Task EditIssue_Change_BumpsUpdatedAtAndWritesSystemNotes()
    {
        var iid = await _client.CreateIssueAsync(_project);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _client.PutApiAsync(IssuePath(iid), new { add_labels = "Bug", milestone_id = _sim.Handbook!.BacklogMilestoneId });

        Assert.Equal(TestSimulator.Now.AddMinutes(5), Issue(iid).UpdatedAt);
        Assert.Equal("2026-11-23T10:05:00.000Z", response.Object["updated_at"]!.GetValue<string>());
        Assert.Equal(2, _sim.State.Notes(_project, iid).Count(n => n.System));
    }

    [Fact]
    public async Task EditIssue_NoChange_KeepsUpdatedAt()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug" });
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _client.PutApiAsync(IssuePath(iid), new { add_labels = "Bug" });

        Assert.Equal(TestSimulator.Now, Issue(iid).UpdatedAt);
    }

    [Theory]
    [InlineData("{}", "at least one parameter must be provided")]
    [InlineData("{\"state_event\":\"explode\"}", "state_event does not have a valid value")]
    public async Task EditIssue_BadParameters_Returns400(string json, string error)
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(IssuePath(iid), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditIssue_FormEncodedParameters_AreReadLikeJson()
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var form = new FormUrlEncodedContent([new("add_labels", "Bug"), new("state_event", "close")]);

        using var response = await _client.PutAsync(IssuePath(iid), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bug"], Issue(iid).Labels);
        Assert.Equal("closed", Issue(iid).State);
    }

    [Fact]
    public async Task UpdateGroupLabel_NewName_RenamesItOnEveryIssue()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "flow::To Do" });
        var label = _sim.State.Labels().Single(l => l.Title == "flow::To Do");

        var response = await _client.PutApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/labels/{label.Id}", new { new_name = "flow::Todo", description = "renamed" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["flow::Todo"], Issue(iid).Labels);
        var issue = await _client.GetApiAsync(IssuePath(iid));
        Assert.Equal("flow::Todo", issue.Object["labels"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateProjectLabel_ByNameParameter_ChangesColor()
    {
        var response = await _client.PutApiAsync($"api/v4/projects/{_project}/labels", new { name = "needs-info", color = "#FF0000" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("#FF0000", _sim.State.Labels().Single(l => l.Title == "needs-info" && l.ProjectId == _project).Color);
    }

    [Fact]
    public async Task CreateProjectLabel_Existing_Returns409()
    {
        var response = await _client.PostApiAsync($"api/v4/projects/{_project}/labels", new { name = "needs-info", color = "#FF0000" });

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
    }

    [Fact]
    public async Task GroupMilestones_CreateEditAndListWithAncestors()
    {
        var subgroup = _sim.Handbook!.SubgroupId;
        var created = await _client.PostApiAsync($"api/v4/groups/{_sim.Handbook.GroupId}/milestones", new { title = "2027-02-05", start_date = "2027-02-01", due_date = "2027-02-05" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Object["id"]!.GetValue<long>();

        var closed = await _client.PutApiAsync($"api/v4/groups/{_sim.Handbook.GroupId}/milestones/{id}", new { state_event = "close" });
        var duplicate = await _client.PostApiAsync($"api/v4/groups/{_sim.Handbook.GroupId}/milestones", new { title = "2027-02-05" });
        var fromSubgroup = await _client.GetApiAsync($"api/v4/groups/{subgroup}/milestones?include_ancestors=true&state=closed&title=2027-02-05");
        var subgroupOnly = await _client.GetApiAsync($"api/v4/groups/{subgroup}/milestones");

        Assert.Equal("closed", closed.Object["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Equal(id, fromSubgroup.Array.Single()!["id"]!.GetValue<long>());
        Assert.Empty(subgroupOnly.Array);
    }

    [Fact]
    public async Task ProjectMilestones_IncludeAncestors_AddsGroupSprints()
    {
        var own = await _client.GetApiAsync($"api/v4/projects/{_project}/milestones");
        var all = await _client.GetApiAsync($"api/v4/projects/{_project}/milestones?include_ancestors=true&per_page=100");

        Assert.Empty(own.Array);
        Assert.Equal(_sim.State.Milestones().Count, all.Array.Count);
    }

    [Fact]
    public async Task Notes_ListSortEditAndDelete()
    {
        var iid = await _client.CreateIssueAsync(_project);
        var notesPath = IssuePath(iid) + "/notes";
        var first = await _client.PostApiAsync(notesPath, new { body = "first" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _client.PostApiAsync(notesPath, new { body = "second" });

        var desc = await _client.GetApiAsync(notesPath);
        var asc = await _client.GetApiAsync(notesPath + "?sort=asc&per_page=1");
        var noteId = first.Object["id"]!.GetValue<long>();
        var edited = await _client.PutApiAsync($"{notesPath}/{noteId}", new { body = "first, edited" });
        using var deleted = await _client.DeleteAsync($"{notesPath}/{noteId}");

        Assert.Equal(["second", "first"], desc.Array.Select(n => n!["body"]!.GetValue<string>()));
        Assert.Equal("first", asc.Array.Single()!["body"]!.GetValue<string>());
        Assert.Equal("2", asc.Header("X-Total"));
        Assert.Equal("first, edited", edited.Object["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["second"], _sim.State.Notes(_project, iid).Select(n => n.Body));
    }

    [Fact]
    public async Task Notes_InternalNote_HiddenFromGuests()
    {
        var iid = await _client.CreateIssueAsync(_project);
        await _client.PostApiAsync(IssuePath(iid) + "/notes", new { body = "secret", @internal = true });
        using var guest = _sim.CreateClient(sudo: Seeding.SeededUsers.Guest);

        var asGuest = await guest.GetApiAsync(IssuePath(iid) + "/notes");
        var asAdmin = await _client.GetApiAsync(IssuePath(iid) + "/notes");

        Assert.Empty(asGuest.Array);
        Assert.True(asAdmin.Array.Single()!["internal"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Notes_EditSomeoneElsesNote_Returns403()
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var developer = _sim.CreateClient(sudo: Seeding.SeededUsers.Developer);
        var note = await developer.PostApiAsync(IssuePath(iid) + "/notes", new { body = "mine" });
        using var reporter = _sim.CreateClient(sudo: Seeding.SeededUsers.Reporter);

        var response = await reporter.PutApiAsync($"{IssuePath(iid)}/notes/{note.Object["id"]}", new { body = "yours now" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
    }

    [Fact]
    public async Task ListIssues_OrderByUpdatedAtAfterEditsAndComments_StaysInOrder()
    {
        _sim.GenerateIssues(300);
        var listPath = $"api/v4/projects/{_project}/issues?order_by=updated_at&sort=desc&per_page=100";
        var titlePath = $"api/v4/projects/{_project}/issues?order_by=title&sort=asc&per_page=5";
        await _client.GetApiAsync(listPath);
        await _client.GetApiAsync(titlePath);
        var issues = _sim.State.Issues(_project);

        foreach (var issue in issues.Where((_, index) => index % 17 == 0))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await _client.PutApiAsync(IssuePath(issue.Iid), new { add_labels = "CLI", title = "Aaa edited " + issue.Iid });
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _client.PostApiAsync(IssuePath(issues[5].Iid) + "/notes", new { body = "bump" });

        var expected = _sim.State.Issues(_project).OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Take(100).Select(i => i.Iid);
        var response = await _client.GetApiAsync(listPath);
        Assert.Equal(expected, response.Array.Select(i => i!["iid"]!.GetValue<long>()));
        Assert.Equal(issues[5].Iid, response.Array[0]!["iid"]!.GetValue<long>());
        var byTitle = await _client.GetApiAsync(titlePath);
        Assert.All(byTitle.Array, i => Assert.StartsWith("Aaa edited ", i!["title"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditIssue_MaximumDescription_IsAcceptedAndOneMoreCharacterIsNot()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var largest = await _client.PutApiAsync(IssuePath(iid), new { description = new string('x', 1_048_576) });
        var tooLarge = await _client.PutApiAsync(IssuePath(iid), new { description = new string('x', 1_048_577) });

        Assert.Equal(HttpStatusCode.OK, largest.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
        Assert.Equal("is too long (maximum is 1048576 characters)", tooLarge.Object["message"]!["description"]![0]!.GetValue<string>());
        Assert.Equal(1_048_576, Issue(iid).Description!.Length);
    }

    [Fact]
    public async Task CreateNote_TooLong_Returns400()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await _client.PostApiAsync(IssuePath(iid) + "/notes", new { body = new string('x', 1_000_001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Object["message"]!["note"]);
    }
}

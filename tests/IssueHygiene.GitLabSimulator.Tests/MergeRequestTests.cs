using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Merge requests: seeded cases, GitLab's list filters and pagination, diffs, notes and the Merge Request Hook.</summary>
public sealed class MergeRequestTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private WebhookReceiver _receiver = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { SeedMergeRequests = true, TimeProvider = new FakeTimeProvider(TestSimulator.Now) });
        _client = _sim.CreateClient();
        _receiver = await WebhookReceiver.StartAsync();
        _project = _sim.ProjectId();
        var hook = await _client.PostApiAsync($"api/v4/projects/{_project}/hooks", new { url = _receiver.Url, token = "s3cret", merge_requests_events = true, note_events = true });
        Assert.Equal(HttpStatusCode.Created, hook.Status);
        Assert.True(hook.Object["merge_requests_events"]!.GetValue<bool>());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task ListProjectMergeRequests_StateFilterAndPagination_AreGitLabs()
    {
        var merged = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests?state=merged&per_page=2&order_by=updated_at&sort=asc");
        var opened = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests?state=opened");

        Assert.Equal(2, merged.Array.Count);
        Assert.Equal("5", merged.Header("X-Total"));
        Assert.Equal("2", merged.Header("X-Next-Page"));
        Assert.All(merged.Array, mr => Assert.Equal("merged", mr!["state"]!.GetValue<string>()));
        Assert.Equal(3, opened.Array.Count);
        Assert.Contains(opened.Array, mr => mr!["draft"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetMergeRequest_SelfMerged_HasMergeUserMergedByAndReferences()
    {
        var mr = (await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/1")).Object;

        Assert.Equal(Seeding.SeededUsers.Developer, mr["author"]!["username"]!.GetValue<string>());
        Assert.Equal(Seeding.SeededUsers.Developer, mr["merge_user"]!["username"]!.GetValue<string>());
        Assert.Equal(Seeding.SeededUsers.Developer, mr["merged_by"]!["username"]!.GetValue<string>());
        Assert.EndsWith("!1", mr["references"]!["full"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(mr["reviewers"]!.AsArray());
    }

    [Fact]
    public async Task Diffs_ListTheChangedPaths_Paginated()
    {
        var first = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/1/diffs?per_page=1");

        Assert.Equal("src/meltano/core/plugin_lock.py", Assert.Single(first.Array)!["new_path"]!.GetValue<string>());
        Assert.Equal("2", first.Header("X-Total"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/99/diffs")).Status);
    }

    [Fact]
    public async Task OpenUpdateApproveMerge_FireMergeRequestHooksWithGitLabsHeaders()
    {
        _sim.PushBranch(_project, "fix-lint", "src/meltano/lint.py");
        var developer = _sim.State.UserId(Seeding.SeededUsers.Developer)!.Value;
        var created = await _client.PostApiAsync($"api/v4/projects/{_project}/merge_requests", new { title = "Lint", source_branch = "fix-lint", target_branch = "main" });
        var iid = created.Object["iid"]!.GetValue<long>();
        await _client.PutApiAsync($"api/v4/projects/{_project}/merge_requests/{iid}", new { reviewer_ids = new[] { developer } });
        await _client.PostApiAsync($"api/v4/projects/{_project}/merge_requests/{iid}/approve", new { });
        var merged = await _client.PutApiAsync($"api/v4/projects/{_project}/merge_requests/{iid}/merge", new { });
        await _sim.WaitForWebhooksAsync();

        Assert.Equal(HttpStatusCode.OK, merged.Status);
        var hooks = _receiver.Received.Where(r => r.Event == "Merge Request Hook").ToList();
        Assert.Equal(["open", "update", "approved", "merge"], hooks.Select(h => JsonNode.Parse(h.Body)!["object_attributes"]!["action"]!.GetValue<string>()));
        Assert.All(hooks, h => Assert.Equal("s3cret", h.Headers["X-Gitlab-Token"]));
        var last = JsonNode.Parse(hooks[^1].Body)!;
        Assert.Equal("merged", last["object_attributes"]!["state"]!.GetValue<string>());
        Assert.Equal([developer], last["object_attributes"]!["reviewer_ids"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal(["src/meltano/lint.py"], (await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/{iid}/diffs")).Array.Select(d => d!["new_path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Merge_DraftOrClosed_Is405()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.PutApiAsync($"api/v4/projects/{_project}/merge_requests/5/merge", new { })).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.PutApiAsync($"api/v4/projects/{_project}/merge_requests/1/merge", new { })).Status);
    }

    [Fact]
    public async Task Notes_CreateEditDelete_AndQuickActions()
    {
        var path = $"api/v4/projects/{_project}/merge_requests/6/notes";
        var created = await _client.PostApiAsync(path, new { body = "Looks good\n/label ~\"hygiene::self-merged\"\n/assign_reviewer @maintainer-user" });
        var noteId = created.Object["id"]!.GetValue<long>();
        var commandsOnly = await _client.PostApiAsync(path, new { body = "/label ~\"Bug\"" });
        var edited = await _client.PutApiAsync($"{path}/{noteId}", new { body = "Edited" });
        await _sim.WaitForWebhooksAsync();

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Looks good", created.Object["body"]!.GetValue<string>());
        Assert.Equal("MergeRequest", created.Object["noteable_type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, commandsOnly.Status);
        Assert.Equal("Edited", edited.Object["body"]!.GetValue<string>());
        Assert.Equal(["hygiene::self-merged", "Bug"], _sim.MergeRequestLabels(_project, 6));
        var mr = (await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/6")).Object;
        Assert.Equal(["maintainer-user"], mr["reviewers"]!.AsArray().Select(r => r!["username"]!.GetValue<string>()));
        Assert.Equal(1, mr["user_notes_count"]!.GetValue<int>());
        var noteHook = JsonNode.Parse(_receiver.Received.First(r => r.Event == "Note Hook").Body)!;
        Assert.Equal(6, noteHook["merge_request"]!["iid"]!.GetValue<long>());

        var deleted = await _client.SendAsync(HttpMethod.Delete, $"{path}/{noteId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(_sim.MergeRequestNotes(_project, 6));
    }

    [Fact]
    public async Task ListGroupMergeRequests_CoversTheGroupsProjects_AndUpdatedAfterFilters()
    {
        var group = _sim.Handbook!.GroupId;
        var all = await _client.GetApiAsync($"api/v4/groups/{group}/merge_requests?state=all&per_page=100");
        var none = await _client.GetApiAsync($"api/v4/groups/{group}/merge_requests?state=all&updated_after=2030-01-01T00:00:00Z");

        Assert.Equal(SimulatedGitLab.SeededMergeRequestTitles, all.Array.Select(mr => mr!["title"]!.GetValue<string>()).Reverse());
        Assert.Empty(none.Array);
    }
}

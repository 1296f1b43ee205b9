using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// The simulator's merge-request responses validate against GitLab's own schemas (merge_request.json, notes.json from
/// GitLab's spec fixtures): where they disagree, the simulator is wrong.
/// </summary>
public sealed class MergeRequestSchemaTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { SeedMergeRequests = true, TimeProvider = new FakeTimeProvider(TestSimulator.Now) });
        _client = _sim.CreateClient();
        _project = _sim.ProjectId();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task ListMergeRequests_GroupAndProject_EveryItemValidatesAgainstMergeRequestSchema()
    {
        var schema = await GitLabSchemas.MergeRequestAsync();

        var group = await _client.GetApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/merge_requests?state=all&per_page=100");
        var project = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests?state=merged&per_page=2");

        // The seeded cases: merged (self, expert, community), open (draft, without and with reviewers).
        Assert.Equal(8, group.Array.Count);
        Assert.Contains(group.Array, mr => mr!["state"]!.GetValue<string>() == "merged");
        Assert.Contains(group.Array, mr => mr!["reviewers"]!.AsArray().Count > 0);
        Assert.Equal(2, project.Array.Count);
        Assert.All([.. group.Array, .. project.Array], mr => Assert.Empty(GitLabSchemas.Errors(schema, mr!)));
    }

    [Fact]
    public async Task GetMergeRequest_MergedAndOpen_ValidateAgainstMergeRequestSchema()
    {
        var schema = await GitLabSchemas.MergeRequestAsync();

        var merged = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/1");
        var open = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/6");

        Assert.Equal(HttpStatusCode.OK, merged.Status);
        Assert.NotNull(merged.Object["merge_user"]);
        Assert.Null(open.Object["merged_by"]);
        Assert.Empty(GitLabSchemas.Errors(schema, merged.Object));
        Assert.Empty(GitLabSchemas.Errors(schema, open.Object));
    }

    [Fact]
    public async Task ListMergeRequests_Item_HasEveryKeyOfGitLabsDocumentedExample()
    {
        var example = System.Text.Json.Nodes.JsonNode.Parse(SharedFiles.ReadGitLab("rest_merge_requests_list_response.json"))![0]!.AsObject();

        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests?state=merged&per_page=1");

        var mergeRequest = response.Array[0]!.AsObject();
        // GitLab's MR entity sends allow_collaboration and allow_maintainer_to_push only for an MR from a fork
        // (`if: merge_request.for_fork?`); the example's MR comes from project 2 into project 3, the simulator's do not.
        string[] forkOnly = ["allow_collaboration", "allow_maintainer_to_push"];
        Assert.Empty(example.Select(p => p.Key).Except(forkOnly).Except(mergeRequest.Select(p => p.Key)));
        Assert.Empty(example["references"]!.AsObject().Select(p => p.Key).Except(mergeRequest["references"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task MergeRequestNotes_UserAndInternal_ValidateAgainstNotesSchema()
    {
        await _client.PostApiAsync($"api/v4/projects/{_project}/merge_requests/6/notes", new { body = "A comment" });
        await _client.PostApiAsync($"api/v4/projects/{_project}/merge_requests/6/notes", new { body = "An internal comment", @internal = true });

        var notes = await _client.GetApiAsync($"api/v4/projects/{_project}/merge_requests/6/notes?per_page=100");

        Assert.Contains(notes.Array, n => n!["internal"]!.GetValue<bool>());
        Assert.Contains(notes.Array, n => !n!["internal"]!.GetValue<bool>());
        Assert.Empty(GitLabSchemas.Errors(await GitLabSchemas.NotesAsync(), notes.Array));
    }

    [Fact]
    public void MergeRequestSchema_FixtureAsCopied_RequiresWhatGitLabAlwaysSends()
    {
        // Guards the copy: GitLab's fixture, unchanged, requires these (the simulator must send them, sha included).
        using var schema = System.Text.Json.JsonDocument.Parse(SharedFiles.ReadGitLab("schemas/public_api_v4_merge_request.schema.json"));
        var required = schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains("sha", required);
        Assert.Contains("user_notes_count", required);
        Assert.Contains("work_in_progress", required);
        Assert.Equal("user/basic.json", schema.RootElement.GetProperty("properties").GetProperty("author").GetProperty("$ref").GetString());
    }
}

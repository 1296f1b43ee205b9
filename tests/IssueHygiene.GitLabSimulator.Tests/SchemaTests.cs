using System.Net;
using System.Text.Json.Nodes;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Responses validate against GitLab's JSON schemas and carry the keys of GitLab's documented examples.</summary>
public sealed class SchemaTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private long _project;
    private long _iid;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync(issues: 50);
        _client = _sim.CreateClient();
        _project = _sim.ProjectId();
        var developer = _sim.State.UserId(Seeding.SeededUsers.Developer);
        _iid = await _client.CreateIssueAsync(_project, new
        {
            labels = "Bug,flow::Doing",
            milestone_id = _sim.Handbook!.SprintMilestoneIds.Values.Max(),
            assignee_ids = new[] { developer },
            due_date = "2026-12-24",
        });
        await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{_iid}/notes", new { body = "A comment" });
        await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{_iid}/notes", new { body = "An internal comment", @internal = true });
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{_iid}", new { state_event = "close" });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task GetIssue_ClosedWithMilestoneAndAssignee_ValidatesAgainstIssueSchema()
    {
        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/issues/{_iid}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Object["milestone"]);
        Assert.NotNull(response.Object["closed_by"]);
        Assert.Empty(GitLabSchemas.Errors(await GitLabSchemas.IssueAsync(), response.Object));
    }

    [Fact]
    public async Task ListIssues_EveryItem_ValidatesAgainstIssueSchema()
    {
        var schema = await GitLabSchemas.IssueAsync();

        var response = await _client.GetApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/issues?per_page=100&state=all");

        Assert.True(response.Array.Count > 40);
        Assert.All(response.Array, issue => Assert.Empty(GitLabSchemas.Errors(schema, issue!)));
    }

    [Fact]
    public async Task ListIssues_Item_HasEveryKeyOfGitLabsDocumentedExample()
    {
        var example = JsonNode.Parse(SharedFiles.ReadGitLab("rest_project_issues_list_response.json"))![0]!.AsObject();

        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/issues?iids[]={_iid}");

        var issue = response.Array.Single()!.AsObject();
        Assert.Empty(example.Select(p => p.Key).Except(issue.Select(p => p.Key)));
        Assert.Empty(example["_links"]!.AsObject().Select(p => p.Key).Except(issue["_links"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task ListNotes_SystemUserAndInternalNotes_ValidateAgainstNotesSchema()
    {
        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/issues/{_iid}/notes?per_page=100");

        Assert.Contains(response.Array, n => n!["system"]!.GetValue<bool>());
        Assert.Contains(response.Array, n => n!["internal"]!.GetValue<bool>());
        Assert.Empty(GitLabSchemas.Errors(await GitLabSchemas.NotesAsync(), response.Array));
    }

    [Fact]
    public async Task CreateNote_TextWithCommand_ValidatesAgainstNotesSchema()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body = "Triage\n/label ~Bug" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Empty(GitLabSchemas.Errors(await GitLabSchemas.NotesAsync(), new JsonArray(response.Object.DeepClone())));
    }

    [Theory]
    [InlineData("groups", "rest_group_milestones_list_response.json")]
    [InlineData("projects", "rest_project_milestones_list_response.json")]
    public async Task ListMilestones_ValidateAgainstMilestoneSchemaWithExampleKeys(string owner, string exampleFile)
    {
        var schema = await GitLabSchemas.MilestoneAsync();
        if (owner == "projects")
        {
            await _client.PostApiAsync($"api/v4/projects/{_project}/milestones", new { title = "v1.0", due_date = "2026-12-31", start_date = "2026-12-01" });
        }

        var id = owner == "groups" ? _sim.Handbook!.GroupId : _project;
        var response = await _client.GetApiAsync($"api/v4/{owner}/{id}/milestones?per_page=100");

        var exampleKeys = JsonNode.Parse(SharedFiles.ReadGitLab(exampleFile))![0]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.NotEmpty(response.Array);
        Assert.All(response.Array, milestone =>
        {
            Assert.Empty(GitLabSchemas.Errors(schema, milestone!));
            // The project example predates web_url on project milestones; GitLab sends it on both.
            Assert.Equal(exampleKeys, milestone!.AsObject().Select(p => p.Key).Where(k => exampleKeys.Contains(k) || k != "web_url").Order().ToList());
        });
    }

    [Fact]
    public async Task ListLabels_Project_HasTheKeysOfGitLabsExample()
    {
        var exampleKeys = JsonNode.Parse(SharedFiles.ReadGitLab("rest_project_labels_list_response.json"))![0]!.AsObject().Select(p => p.Key).Order();

        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/labels?per_page=100");

        Assert.All(response.Array, label => Assert.Equal(exampleKeys, label!.AsObject().Select(p => p.Key).Order()));
        Assert.Contains(response.Array, l => l!["name"]!.GetValue<string>() == "flow::Doing" && !l["is_project_label"]!.GetValue<bool>());
        Assert.Contains(response.Array, l => l!["name"]!.GetValue<string>() == "flow::doing" && l["is_project_label"]!.GetValue<bool>());
    }
}

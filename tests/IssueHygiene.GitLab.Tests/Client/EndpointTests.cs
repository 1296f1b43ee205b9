using System.Text.Json;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>Each operation hits GitLab's documented endpoint with GitLab's parameter names.</summary>
public sealed class EndpointTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private WireMock.Logging.ILogEntry Only => Server.LogEntries.Single();

    private JsonElement SentBody
    {
        get
        {
            using var document = JsonDocument.Parse(Only.RequestMessage.Body!);
            return document.RootElement.Clone();
        }
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private void Given(string path, string method, string body, int status = 200) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(GitLabResponses.Json(body, status).WithHeader("X-Page", "1").WithHeader("X-Total-Pages", "1"));

    [Fact]
    public async Task GetProjectAsync_ByPath_EncodesTheSlashes()
    {
        Given("/api/v4/projects/team/sub/app", "GET", """{"id": 5, "name": "app", "path_with_namespace": "team/sub/app", "namespace": {"id": 2, "kind": "group", "full_path": "team/sub"}}""");

        var project = await CreateClient().GetProjectAsync("team/sub/app");

        Assert.Equal((5L, "team/sub"), (project.Id, project.Namespace!.FullPath));
        Assert.EndsWith("/api/v4/projects/team%2Fsub%2Fapp", Only.RequestMessage.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGroupAsync_ById_UsesTheId()
    {
        Given("/api/v4/groups/42", "GET", """{"id": 42, "name": "Team", "full_path": "team"}""");

        Assert.Equal("team", (await CreateClient().GetGroupAsync(42)).FullPath);
    }

    [Fact]
    public async Task ListGroupProjectsAsync_IncludesSubgroups()
    {
        Given("/api/v4/groups/team/projects", "GET", """[{"id": 5, "path_with_namespace": "team/app"}, {"id": 6, "path_with_namespace": "team/sub/lib"}]""");

        var projects = await ListAsync(CreateClient().ListGroupProjectsAsync("team"));

        Assert.Equal(["team/app", "team/sub/lib"], projects.Select(p => p.PathWithNamespace));
        Assert.Equal("true", Only.RequestMessage.Query!["include_subgroups"].Single());
    }

    [Fact]
    public async Task UpdateIssueAsync_SendsOnlyTheGivenChangesInGitLabForm()
    {
        Given("/api/v4/projects/1/issues/5", "PUT", GitLabResponses.Issue(5));

        await CreateClient().UpdateIssueAsync(1, 5, new IssueUpdate
        {
            AddLabels = ["flow::Triage", "Bug"],
            RemoveLabels = ["flow::Doing"],
            MilestoneId = 44,
            AssigneeIds = [7, 8],
            Confidential = false,
        });

        var body = SentBody;
        Assert.Equal("flow::Triage,Bug", body.GetProperty("add_labels").GetString());
        Assert.Equal("flow::Doing", body.GetProperty("remove_labels").GetString());
        Assert.Equal(44, body.GetProperty("milestone_id").GetInt64());
        Assert.Equal([7L, 8L], body.GetProperty("assignee_ids").EnumerateArray().Select(e => e.GetInt64()));
        Assert.False(body.GetProperty("confidential").GetBoolean());
    }

    [Fact]
    public async Task UpdateIssueAsync_OnlyMilestone_OmitsEverythingElse()
    {
        Given("/api/v4/projects/1/issues/5", "PUT", GitLabResponses.Issue(5));

        await CreateClient().UpdateIssueAsync(1, 5, new IssueUpdate { MilestoneId = 0 });

        Assert.Equal(["milestone_id"], SentBody.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UpdateIssueAsync_LabelWithComma_IsRefusedBeforeAnyCall()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().UpdateIssueAsync(1, 5, new IssueUpdate { AddLabels = ["a,b"] }));

        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task ListProjectMilestonesAsync_IncludesAncestors()
    {
        Given("/api/v4/projects/1/milestones", "GET", SharedSamples.Read("rest_project_milestones_list_response.json"));

        var milestones = await ListAsync(CreateClient().ListProjectMilestonesAsync(1));

        Assert.Equal("10.0", Assert.Single(milestones).Title);
        Assert.Equal("true", Only.RequestMessage.Query!["include_ancestors"].Single());
    }

    [Fact]
    public async Task ListGroupMilestonesAsync_ReturnsGroupMilestones()
    {
        Given("/api/v4/groups/team/milestones", "GET", SharedSamples.Read("rest_group_milestones_list_response.json"));

        var milestone = Assert.Single(await ListAsync(CreateClient().ListGroupMilestonesAsync("team")));

        Assert.Equal(16, milestone.GroupId);
    }

    [Fact]
    public async Task CreateGroupMilestoneAsync_SendsTitleAndDates()
    {
        Given("/api/v4/groups/team/milestones", "POST", """{"id": 70, "iid": 9, "group_id": 2, "title": "Sprint 2026-01-09", "due_date": "2026-01-09", "start_date": "2026-01-05"}""", 201);

        var created = await CreateClient().CreateGroupMilestoneAsync("team", new MilestoneCreate("Sprint 2026-01-09", new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 5)));

        Assert.Equal(70, created.Id);
        Assert.Equal("2026-01-09", SentBody.GetProperty("due_date").GetString());
        Assert.Equal("2026-01-05", SentBody.GetProperty("start_date").GetString());
        Assert.Equal("Sprint 2026-01-09", SentBody.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ListProjectLabelsAsync_IncludesAncestorGroups()
    {
        Given("/api/v4/projects/1/labels", "GET", SharedSamples.Read("rest_project_labels_list_response.json"));

        var labels = await ListAsync(CreateClient().ListProjectLabelsAsync(1));

        Assert.Equal(5, labels.Count);
        Assert.Equal("true", Only.RequestMessage.Query!["include_ancestor_groups"].Single());
    }

    [Fact]
    public async Task ListGroupLabelsAsync_ListsLabels()
    {
        Given("/api/v4/groups/team/labels", "GET", """[{"id": 1, "name": "flow::Triage"}]""");

        Assert.Equal("flow::Triage", Assert.Single(await ListAsync(CreateClient().ListGroupLabelsAsync("team"))).Name);
    }

    [Theory]
    [InlineData("/api/v4/projects/1/labels", true)]
    [InlineData("/api/v4/groups/team/labels", false)]
    public async Task CreateLabelAsync_ProjectOrGroup_PostsNameAndColor(string path, bool project)
    {
        Given(path, "POST", SharedSamples.Read("rest_group_label_create_response.json"), 201);
        var client = CreateClient();
        var label = new LabelCreate("Feature Proposal", "#FFA500", "Describes new ideas");

        var created = project ? await client.CreateProjectLabelAsync(1, label) : await client.CreateGroupLabelAsync("team", label);

        Assert.Equal(9, created.Id);
        Assert.Equal("#FFA500", SentBody.GetProperty("color").GetString());
        Assert.Equal("Feature Proposal", SentBody.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/v4/projects/1/labels/flow::Doing", true)]
    [InlineData("/api/v4/groups/team/labels/flow::Doing", false)]
    public async Task UpdateLabelAsync_ByName_AddressesTheLabelAndSendsOnlyChanges(string path, bool project)
    {
        Given(path, "PUT", """{"id": 3, "name": "flow::In Progress"}""");
        var client = CreateClient();
        var update = new LabelUpdate { NewName = "flow::In Progress" };

        var updated = project
            ? await client.UpdateProjectLabelAsync(1, "flow::Doing", update)
            : await client.UpdateGroupLabelAsync("team", "flow::Doing", update);

        Assert.Equal("flow::In Progress", updated.Name);
        Assert.EndsWith("/labels/flow::Doing", Only.RequestMessage.Path, StringComparison.Ordinal);
        Assert.Equal(["new_name"], SentBody.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UpdateProjectLabelAsync_NameWithSlashAndSpace_IsEscapedAsOneSegment()
    {
        Given("/api/v4/projects/1/labels/ops/Needs review", "PUT", """{"id": 4, "name": "ops/Needs review"}""");

        await CreateClient().UpdateProjectLabelAsync(1, "ops/Needs review", new LabelUpdate { Color = "#FF0000" });

        // WireMock shows the space decoded; the slash stays encoded, so the name is one path segment.
        Assert.EndsWith("/labels/ops%2FNeeds review", Only.RequestMessage.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, GitLabAccessLevel.Developer)]
    [InlineData(20, GitLabAccessLevel.Reporter)]
    [InlineData(50, GitLabAccessLevel.Owner)]
    public async Task GetEffectiveAccessLevelAsync_Member_GivesTheLevel(int level, GitLabAccessLevel expected)
    {
        Given("/api/v4/projects/1/members/all/42", "GET", $$"""{"id": 42, "username": "dev", "access_level": {{level}}}""");

        Assert.Equal(expected, await CreateClient().GetEffectiveAccessLevelAsync(1, 42));
    }

    [Fact]
    public async Task CreateProjectHookAsync_RegistersIssueAndNoteEventsOnly()
    {
        Given("/api/v4/projects/1/hooks", "POST", """{"id": 3, "url": "https://hygiene.example/webhooks/gitlab", "issues_events": true, "note_events": true}""", 201);

        var hook = await CreateClient().CreateProjectHookAsync(1, new ProjectHookCreate("https://hygiene.example/webhooks/gitlab", "hook-secret"));

        Assert.Equal(3, hook.Id);
        var body = SentBody;
        Assert.Equal("hook-secret", body.GetProperty("token").GetString());
        Assert.True(body.GetProperty("issues_events").GetBoolean());
        Assert.True(body.GetProperty("confidential_note_events").GetBoolean());
        Assert.False(body.GetProperty("push_events").GetBoolean());
        Assert.False(body.GetProperty("merge_requests_events").GetBoolean());
    }

    [Fact]
    public async Task CreateProjectHookAsync_MergeRequestRulesOn_AlsoRegistersMergeRequestEvents()
    {
        Given("/api/v4/projects/1/hooks", "POST", """{"id": 4, "url": "https://hygiene.example/webhooks/gitlab", "merge_requests_events": true}""", 201);

        var hook = await CreateClient().CreateProjectHookAsync(1, new ProjectHookCreate("https://hygiene.example/webhooks/gitlab", "hook-secret", MergeRequestsEvents: true));

        Assert.True(hook.MergeRequestsEvents);
        Assert.True(SentBody.GetProperty("merge_requests_events").GetBoolean());
        Assert.True(SentBody.GetProperty("note_events").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v4/projects/1/hooks", true)]
    [InlineData("/api/v4/groups/team/hooks", false)]
    public async Task ListHooksAsync_ProjectOrGroup_ListsHooks(string path, bool project)
    {
        Given(path, "GET", """[{"id": 3, "url": "https://hygiene.example/webhooks/gitlab", "group_id": 2}]""");
        var client = CreateClient();

        var hooks = await ListAsync(project ? client.ListProjectHooksAsync(1) : client.ListGroupHooksAsync("team"));

        Assert.Equal("https://hygiene.example/webhooks/gitlab", Assert.Single(hooks).Url);
    }

    [Fact]
    public async Task GetCurrentUserAsync_ReadsTheUser()
    {
        Given("/api/v4/user", "GET", """{"id": 7, "username": "hygiene-bot", "name": "Issue Hygiene", "bot": true}""");

        var user = await CreateClient().GetCurrentUserAsync();

        Assert.Equal((7L, "hygiene-bot", true), (user.Id, user.Username, user.Bot));
    }
}

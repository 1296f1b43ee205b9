using System.Net;
using System.Text.Json.Nodes;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Webhooks: GitLab's bodies, headers, delivery rules and recursion guard, against a real receiver.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private WebhookReceiver _receiver = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync();
        _client = _sim.CreateClient();
        _receiver = await WebhookReceiver.StartAsync();
        _project = _sim.ProjectId();
        await _client.RegisterHookAsync(_project, _receiver.Url, token: "s3cret");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

    private static JsonObject Example(string file) => JsonNode.Parse(SharedFiles.ReadGitLab(file))!.AsObject();

    private async Task<long> AssignedIssueAsync() =>
        await _client.CreateIssueAsync(_project, new { labels = "Bug", assignee_ids = new[] { _sim.State.UserId(Seeding.SeededUsers.Developer) } });

    [Fact]
    public async Task IssueHook_Body_HasTheKeysOfGitLabsExample()
    {
        var iid = await AssignedIssueAsync();
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "CLI" });
        await _sim.WaitForWebhooksAsync();

        var example = Example("webhook_issue_hook_payload.json");
        var update = JsonNode.Parse(_receiver.Received[^1].Body)!.AsObject();
        Assert.Equal(Keys(example), Keys(update));
        Assert.Equal(Keys(example["object_attributes"]), Keys(update["object_attributes"]));
        Assert.Equal(Keys(example["repository"]), Keys(update["repository"]));
        Assert.Equal(Keys(example["labels"]![0]), Keys(update["labels"]![0]));
        Assert.Equal(Keys(example["changes"]!["labels"]), Keys(update["changes"]!["labels"]));
        // Real payloads carry more than the docs' old example (SOURCES.md caveats): a superset is GitLab's shape.
        Assert.Empty(Keys(example["project"]).Except(Keys(update["project"])));
        Assert.Empty(Keys(example["user"]).Except(Keys(update["user"])));
        Assert.Empty(Keys(example["assignees"]![0]).Except(Keys(update["assignees"]![0])));
    }

    [Fact]
    public async Task NoteHook_Body_HasTheKeysOfGitLabsExample()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug" });
        await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body = "Hello world" });
        await _sim.WaitForWebhooksAsync();

        var example = Example("webhook_note_hook_issue_comment_payload.json");
        var note = JsonNode.Parse(_receiver.Received.Single(r => r.Event == "Note Hook").Body)!.AsObject();
        Assert.Equal(Keys(example), Keys(note));
        Assert.Equal(Keys(example["object_attributes"]), Keys(note["object_attributes"]));
        Assert.Equal(Keys(example["issue"]), Keys(note["issue"]));
        Assert.Equal(Keys(example["issue"]!["labels"]![0]), Keys(note["issue"]!["labels"]![0]));
        Assert.Equal(Keys(example["repository"]), Keys(note["repository"]));
        Assert.Empty(Keys(example["project"]).Except(Keys(note["project"])));
        Assert.Equal(_sim.State.Issue(_project, iid)!.Id, note["object_attributes"]!["noteable_id"]!.GetValue<long>());
        Assert.Equal("Issue", note["object_attributes"]!["noteable_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_Headers_AreGitLabs()
    {
        await _client.CreateIssueAsync(_project);
        await _sim.WaitForWebhooksAsync();

        var headers = _receiver.Received.Single().Headers;
        Assert.Equal("Issue Hook", headers["X-Gitlab-Event"]);
        Assert.Equal("s3cret", headers["X-Gitlab-Token"]);
        Assert.True(Guid.TryParse(headers["X-Gitlab-Event-UUID"], out _));
        Assert.True(Guid.TryParse(headers["X-Gitlab-Webhook-UUID"], out _));
        Assert.True(Guid.TryParse(headers["Idempotency-Key"], out _));
        Assert.StartsWith("application/json", headers["Content-Type"]);
        Assert.StartsWith("GitLab/18.", headers["User-Agent"]);
        Assert.Equal(_sim.BaseUrl, headers["X-Gitlab-Instance"]);
    }

    [Fact]
    public async Task Delivery_EveryEvent_GetsItsOwnEventUuidAndIdempotencyKey()
    {
        var iid = await _client.CreateIssueAsync(_project);
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { title = "Renamed" });
        await _sim.WaitForWebhooksAsync();

        var received = _receiver.Received;
        Assert.Equal(2, received.Count);
        Assert.NotEqual(received[0].Headers["X-Gitlab-Event-UUID"], received[1].Headers["X-Gitlab-Event-UUID"]);
        Assert.NotEqual(received[0].Headers["Idempotency-Key"], received[1].Headers["Idempotency-Key"]);
        Assert.Equal(received[1].Headers["Idempotency-Key"], _sim.WebhookDeliveries[1].IdempotencyKey);
    }

    [Fact]
    public async Task IssueHook_LabelMilestoneAssigneeChange_ChangesHoldObjectsAndIds()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "flow::Review" });
        var developer = _sim.State.UserId(Seeding.SeededUsers.Developer)!.Value;
        var backlog = _sim.Handbook!.BacklogMilestoneId;

        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "flow::Doing", milestone_id = backlog, assignee_ids = new[] { developer } });
        await _sim.WaitForWebhooksAsync();

        var body = JsonNode.Parse(_receiver.Received[^1].Body)!;
        var changes = body["changes"]!;
        Assert.Equal("update", body["object_attributes"]!["action"]!.GetValue<string>());
        Assert.Equal("flow::Review", changes["labels"]!["previous"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("flow::Doing", changes["labels"]!["current"]![0]!["title"]!.GetValue<string>());
        Assert.Null(changes["milestone_id"]!["previous"]);
        Assert.Equal(backlog, changes["milestone_id"]!["current"]!.GetValue<long>());
        Assert.Empty(changes["assignees"]!["previous"]!.AsArray());
        Assert.Equal(developer, changes["assignees"]!["current"]![0]!["id"]!.GetValue<long>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", changes["updated_at"]!["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssueHook_Close_HasCloseActionAndStateChange()
    {
        var iid = await _client.CreateIssueAsync(_project);
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { state_event = "close" });
        await _sim.WaitForWebhooksAsync();

        var bodies = _receiver.Received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(["open", "close"], bodies.Select(b => b["object_attributes"]!["action"]!.GetValue<string>()));
        Assert.Equal(2, bodies[1]["changes"]!["state_id"]!["current"]!.GetValue<int>());
    }

    [Fact]
    public async Task Edit_NothingChanges_FiresNoHook()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug" });
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "Bug" });
        await _sim.WaitForWebhooksAsync();

        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task ConfidentialIssue_GoesOnlyToHooksWithConfidentialEvents()
    {
        await using var confidentialReceiver = await WebhookReceiver.StartAsync();
        await _client.RegisterHookAsync(_project, confidentialReceiver.Url, confidential: true);

        await _client.CreateIssueAsync(_project, new { confidential = true });
        await _sim.WaitForWebhooksAsync();

        Assert.Empty(_receiver.Received);
        Assert.Equal("Confidential Issue Hook", confidentialReceiver.Received.Single().Event);
    }

    [Fact]
    public async Task RecursionGuard_RequestEchoingOurEventUuid_FiresNoHooks()
    {
        var iid = await _client.CreateIssueAsync(_project);
        await _sim.WaitForWebhooksAsync();
        var eventUuid = _receiver.Received.Single().Headers["X-Gitlab-Event-UUID"];

        var echo = new Dictionary<string, string> { ["X-Gitlab-Event-UUID"] = eventUuid };
        var response = await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body = "lint\n/label ~Bug" }, echo);
        await _sim.WaitForWebhooksAsync();

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Single(_receiver.Received);
        Assert.Equal(2, _sim.SuppressedWebhookEvents);
        Assert.Equal(["Bug"], _sim.State.Issue(_project, iid)!.Labels);
    }

    [Fact]
    public async Task RecursionGuard_HookNotYetInTheChain_FiresWithTheSameEventUuid()
    {
        var iid = await _client.CreateIssueAsync(_project);
        await _sim.WaitForWebhooksAsync();
        var eventUuid = _receiver.Received.Single().Headers["X-Gitlab-Event-UUID"];
        await using var other = await WebhookReceiver.StartAsync();
        await _client.RegisterHookAsync(_project, other.Url);

        var echo = new Dictionary<string, string> { ["X-Gitlab-Event-UUID"] = eventUuid };
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "Bug" }, echo);
        await _sim.WaitForWebhooksAsync();

        Assert.Single(_receiver.Received);
        Assert.Equal(eventUuid, other.Received.Single().Headers["X-Gitlab-Event-UUID"]);
        Assert.Equal(1, _sim.SuppressedWebhookEvents);
    }

    [Fact]
    public async Task RecursionGuard_UnknownEventUuid_StillFiresHooks()
    {
        var iid = await _client.CreateIssueAsync(_project);
        var echo = new Dictionary<string, string> { ["X-Gitlab-Event-UUID"] = Guid.NewGuid().ToString() };

        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "Bug" }, echo);
        await _sim.WaitForWebhooksAsync();

        Assert.Equal(2, _receiver.Received.Count);
    }

    [Fact]
    public async Task Delivery_ReceiverFails_IsNeverRetried()
    {
        _receiver.StatusToReturn = 500;

        await _client.CreateIssueAsync(_project);
        await _sim.WaitForWebhooksAsync();

        Assert.Single(_receiver.Received);
        Assert.Equal(500, _sim.WebhookDeliveries.Single().StatusCode);
    }

    [Fact]
    public async Task Delivery_SlowReceiver_DoesNotDelayTheApiCallAndTimesOut()
    {
        await using var sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { WebhookTimeout = TimeSpan.FromSeconds(2) });
        using var client = sim.CreateClient();
        await using var slow = await WebhookReceiver.StartAsync();
        slow.Delay = TimeSpan.FromSeconds(10);
        await client.RegisterHookAsync(sim.ProjectId(), slow.Url);

        await client.CreateIssueAsync(sim.ProjectId());
        var attemptedWhenTheApiAnswered = sim.WebhookDeliveries.Count;
        await sim.WaitForWebhooksAsync();

        // The delivery needs its full 2 s timeout; the API call answered before it was over.
        Assert.Equal(0, attemptedWhenTheApiAnswered);
        Assert.Equal("timeout", sim.WebhookDeliveries.Single().Error);
        Assert.Null(sim.WebhookDeliveries.Single().StatusCode);
    }

    [Fact]
    public async Task GroupHook_ChangeInSubgroupProject_IsDelivered()
    {
        await using var groupReceiver = await WebhookReceiver.StartAsync();
        var hook = await _client.PostApiAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/hooks", new { url = groupReceiver.Url, issues_events = true });
        Assert.Equal(HttpStatusCode.Created, hook.Status);

        await _client.CreateIssueAsync(_sim.ProjectId(2));
        await _sim.WaitForWebhooksAsync();

        Assert.Equal("Issue Hook", groupReceiver.Received.Single().Event);
        Assert.False(groupReceiver.Received.Single().Headers.ContainsKey("X-Gitlab-Token"));
    }

    [Fact]
    public async Task ListHooks_NeverShowsTheToken()
    {
        var response = await _client.GetApiAsync($"api/v4/projects/{_project}/hooks");

        Assert.Equal(_receiver.Url, response.Array.Single()!["url"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueHook_BotsOwnWrite_IsDeliveredWithTheBotAsUser()
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var bot = _sim.CreateClient(_sim.BotToken);

        await bot.PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body = "/label ~\"flow::Triage\"" });
        await _sim.WaitForWebhooksAsync();

        var echo = JsonNode.Parse(_receiver.Received[^1].Body)!;
        Assert.Equal(Seeding.SeededUsers.Bot, echo["user"]!["username"]!.GetValue<string>());
        Assert.Equal("update", echo["object_attributes"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task InternalNote_GoesAsConfidentialNoteHookOnlyToHooksThatAskForIt()
    {
        await using var confidentialReceiver = await WebhookReceiver.StartAsync();
        await _client.RegisterHookAsync(_project, confidentialReceiver.Url, confidential: true);
        var iid = await _client.CreateIssueAsync(_project);
        await _sim.WaitForWebhooksAsync();

        await _client.PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body = "between us", @internal = true });
        await _sim.WaitForWebhooksAsync();

        Assert.DoesNotContain(_receiver.Received, r => r.Event.Contains("Note", StringComparison.Ordinal));
        Assert.Equal("Confidential Note Hook", confidentialReceiver.Received[^1].Event);
        Assert.Equal("confidential_note", JsonNode.Parse(confidentialReceiver.Received[^1].Body)!["event_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssueHook_TitleAndDescriptionEdit_ChangesCarryPreviousAndCurrent()
    {
        var iid = await _client.CreateIssueAsync(_project, new { description = "old text" });

        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { title = "New title", description = "new text" });
        await _sim.WaitForWebhooksAsync();

        var changes = JsonNode.Parse(_receiver.Received[^1].Body)!["changes"]!;
        Assert.Equal("Test issue", changes["title"]!["previous"]!.GetValue<string>());
        Assert.Equal("New title", changes["title"]!["current"]!.GetValue<string>());
        Assert.Equal("old text", changes["description"]!["previous"]!.GetValue<string>());
        Assert.Equal("new text", changes["description"]!["current"]!.GetValue<string>());
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Quick actions in notes, as docs/architecture.md §8 describes GitLab's behaviour.</summary>
public sealed class QuickActionTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync();
        _client = _sim.CreateClient();
        _project = _sim.ProjectId();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    private Task<ApiResponse> NoteAsync(long iid, string body, HttpClient? client = null) =>
        (client ?? _client).PostApiAsync($"api/v4/projects/{_project}/issues/{iid}/notes", new { body });

    private IssueView Issue(long iid) => _sim.State.Issue(_project, iid)!;

    private int UserNotes(long iid) => _sim.State.Notes(_project, iid).Count(n => !n.System);

    [Fact]
    public async Task CreateNote_CommandsOnly_Returns202WithCommandsChangesAndCreatesNoNote()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "/label ~\"flow::Triage\"\n/milestone %\"Backlog\"");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var changes = response.Object["commands_changes"]!.AsObject();
        Assert.Equal(_sim.State.Labels().Single(l => l.Title == "flow::Triage").Id, changes["add_label_ids"]![0]!.GetValue<long>());
        Assert.Equal(_sim.Handbook!.BacklogMilestoneId, changes["milestone_id"]!.GetValue<long>());
        Assert.Equal(["flow::Triage"], Issue(iid).Labels);
        Assert.Equal("Backlog", Issue(iid).MilestoneTitle);
        Assert.Equal(0, UserNotes(iid));
    }

    [Fact]
    public async Task CreateNote_CommandsOnly_FiresIssueHookButNoNoteHook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var iid = await _client.CreateIssueAsync(_project);
        await _client.RegisterHookAsync(_project, receiver.Url);

        await NoteAsync(iid, "/label ~Bug");
        await _sim.WaitForWebhooksAsync();

        Assert.Equal(["Issue Hook"], receiver.Received.Select(r => r.Event));
    }

    [Fact]
    public async Task CreateNote_UnknownLabelAmongKnown_SkipsUnknownSilently()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "/label ~Bug ~\"no such label\"");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal(["Bug"], Issue(iid).Labels);
        Assert.DoesNotContain(_sim.State.Labels(), l => l.Title == "no such label");
    }

    [Theory]
    [InlineData("/label ~\"no such label\"")]
    [InlineData("/milestone %\"no such milestone\"")]
    [InlineData("/assign @nobody-here")]
    [InlineData("/assign @outsider-user")]
    public async Task CreateNote_AllCommandsFail_Returns400AndChangesNothing(string body)
    {
        var iid = await _client.CreateIssueAsync(_project);
        var before = Issue(iid);

        var response = await NoteAsync(iid, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("400 Bad request", response.Object["message"]!.GetValue<string>());
        var after = Issue(iid);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.MilestoneId, after.MilestoneId);
        Assert.Equal(before.AssigneeUsernames, after.AssigneeUsernames);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(0, UserNotes(iid));
    }

    [Fact]
    public async Task CreateNote_TextAndCommands_Returns201AndStoresTextWithoutCommands()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "<!-- issue-hygiene:lint -->\nPlease triage.\n/label ~\"flow::Triage\"");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("<!-- issue-hygiene:lint -->\nPlease triage.", response.Object["body"]!.GetValue<string>());
        Assert.NotNull(response.Object["commands_changes"]);
        Assert.Equal(["flow::Triage"], Issue(iid).Labels);
        Assert.Equal(1, UserNotes(iid));
    }

    [Theory]
    [InlineData("/cc @developer-user")]
    [InlineData("/frobnicate now")]
    public async Task CreateNote_CcOrUnknownCommand_StaysAsText(string body)
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(body, response.Object["body"]!.GetValue<string>());
        Assert.Null(response.Object["commands_changes"]);
    }

    [Fact]
    public async Task CreateNote_CommandInsideCodeFence_IsNotExecuted()
    {
        var iid = await _client.CreateIssueAsync(_project);
        const string Body = "To triage, write:\n```\n/label ~Bug\n```";

        var response = await NoteAsync(iid, Body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(Body, response.Object["body"]!.GetValue<string>());
        Assert.Empty(Issue(iid).Labels);
    }

    [Fact]
    public async Task Unlabel_NamedLabel_RemovesOnlyThatLabel()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug,CLI" });

        var response = await NoteAsync(iid, "/unlabel ~CLI");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal(["Bug"], Issue(iid).Labels);
    }

    [Fact]
    public async Task Unlabel_NoArgument_RemovesAllLabelsAsGitLabDoes()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug,CLI" });

        var response = await NoteAsync(iid, "/unlabel");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Empty(Issue(iid).Labels);
    }

    // GitLab: QuickActions::InterpretService#extractor extracts with every command definition, so an
    // unavailable command (here /unlabel on an issue without labels) still leaves the note's text.
    [Fact]
    public async Task Unlabel_IssueWithoutLabels_IsUnavailableButRemovedFromTheNote()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "/unlabel ~Bug\nthanks");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("thanks", response.Object["body"]!.GetValue<string>());
    }

    // GitLab: Gitlab::QuickActions::CommandDefinition#execute counts an unavailable command and #execute_message
    // says "Could not apply NAME command."; Notes::QuickActionsStatus is an error only without any message, so
    // NotesHelpers#process_note_creation_result answers 202 with that summary and changes nothing.
    [Fact]
    public async Task CreateNote_CommandsOnlyAllUnavailable_Returns202CouldNotApplyAndCreatesNoNote()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "/unlabel ~Bug");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Empty(response.Object["commands_changes"]!.AsObject());
        Assert.Equal(["Could not apply unlabel command."], response.Object["summary"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(0, UserNotes(iid));
    }

    [Fact]
    public async Task Relabel_ReplacesAllLabels()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "Bug,CLI,flow::Doing" });

        await NoteAsync(iid, "/relabel ~\"Feature Request\" ~UI");

        Assert.Equal(["Feature Request", "UI"], Issue(iid).Labels);
    }

    [Theory]
    [InlineData("/milestone %\"{0}\"")]
    [InlineData("/milestone %{0}")]
    [InlineData("/milestone {0}")]
    public async Task Milestone_ReferenceForms_SetTheSprintMilestone(string template)
    {
        var iid = await _client.CreateIssueAsync(_project);
        var sprint = _sim.Handbook!.SprintMilestoneIds.Keys.Max().ToString("yyyy-MM-dd");

        var response = await NoteAsync(iid, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, sprint));

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal(sprint, Issue(iid).MilestoneTitle);
    }

    [Fact]
    public async Task RemoveMilestone_ClearsTheMilestone()
    {
        var iid = await _client.CreateIssueAsync(_project, new { milestone_id = _sim.Handbook!.BacklogMilestoneId });

        var response = await NoteAsync(iid, "/remove_milestone");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Null(Issue(iid).MilestoneId);
    }

    [Fact]
    public async Task AssignReassignUnassign_ChangeAssigneesInTurn()
    {
        var iid = await _client.CreateIssueAsync(_project);

        await NoteAsync(iid, "/assign @developer-user @reporter-user");
        Assert.Equal(["developer-user", "reporter-user"], Issue(iid).AssigneeUsernames);

        await NoteAsync(iid, "/reassign @maintainer-user");
        Assert.Equal(["maintainer-user"], Issue(iid).AssigneeUsernames);

        await NoteAsync(iid, "/unassign");
        Assert.Empty(Issue(iid).AssigneeUsernames);
    }

    [Fact]
    public async Task ConfidentialAndClose_SetConfidentialAndCloseTheIssue()
    {
        var iid = await _client.CreateIssueAsync(_project);

        var response = await NoteAsync(iid, "/confidential\n/close");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.True(Issue(iid).Confidential);
        Assert.Equal("closed", Issue(iid).State);
        Assert.Equal("close", response.Object["commands_changes"]!["state_event"]!.GetValue<string>());

        await NoteAsync(iid, "/reopen");
        Assert.Equal("opened", Issue(iid).State);
    }

    // GitLab: Gitlab::QuickActions::Extractor#extract_commands removes every recognised command line
    // (InterpretService#extractor passes all command_definitions); the /label condition (admin_issue)
    // then keeps the guest's command from applying.
    [Fact]
    public async Task CreateNote_GuestUsesLabel_CommandNotAppliedButRemovedFromTheNote()
    {
        var iid = await _client.CreateIssueAsync(_project);
        using var guest = _sim.CreateClient(sudo: Seeding.SeededUsers.Guest);

        var response = await NoteAsync(iid, "please triage\n/label ~Bug", guest);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("please triage", response.Object["body"]!.GetValue<string>());
        Assert.Equal("please triage", _sim.State.Notes(_project, iid).Single(n => !n.System).Body);
        Assert.Empty(Issue(iid).Labels);
    }

    [Theory]
    [InlineData(true, new[] { "flow::Doing" })]
    [InlineData(false, new[] { "flow::Doing", "flow::Review" })]
    public async Task Label_ScopedLabel_ExclusiveOnlyOnPaidTier(bool paidTier, string[] expected)
    {
        _sim.Knobs.ScopedLabelExclusivity = paidTier;
        var iid = await _client.CreateIssueAsync(_project, new { labels = "flow::Review" });

        await NoteAsync(iid, "/label ~\"flow::Doing\"");

        Assert.Equal(expected, Issue(iid).Labels);
    }

    [Fact]
    public async Task Label_NestedScope_ScopeIsEverythingBeforeTheLastSeparator()
    {
        var iid = await _client.CreateIssueAsync(_project, new { labels = "a::b::c,a::x" });

        // a::b::d has scope "a::b": it evicts a::b::c but not a::x (scope "a").
        await _client.PutApiAsync($"api/v4/projects/{_project}/issues/{iid}", new { add_labels = "a::b::d" });

        Assert.Equal(["a::b::d", "a::x"], Issue(iid).Labels);
    }

    [Fact]
    public async Task Label_FreeTierSimulator_KeepsBothScopedLabels()
    {
        await using var sim = await SimulatedGitLab.StartAsync(new SimulatorOptions
        {
            TimeProvider = new FakeTimeProvider(TestSimulator.Now),
            Knobs = new SimulatorKnobsSettings { ScopedLabelExclusivity = false },
        });
        using var client = sim.CreateClient();
        var project = sim.ProjectId();
        var iid = await client.CreateIssueAsync(project, new { labels = "flow::Review" });

        await client.PostApiAsync($"api/v4/projects/{project}/issues/{iid}/notes", new { body = "/label ~\"flow::Doing\"" });

        Assert.Equal(["flow::Doing", "flow::Review"], sim.State.Issue(project, iid)!.Labels);
    }
}

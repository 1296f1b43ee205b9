using System.Net;
using System.Text.Json;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>The three expected outcomes of a note creation are values; the rest are typed errors.</summary>
public sealed class NoteCreationTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string NotesPath = "/api/v4/projects/1/issues/5/notes";

    private void GivenNoteAnswer(string body, int status) =>
        Server.Given(Request.Create().WithPath(NotesPath).UsingPost()).RespondWith(GitLabResponses.Json(body, status));

    [Fact]
    public async Task CreateIssueNoteAsync_201_GivesCreatedNote()
    {
        GivenNoteAnswer(GitLabResponses.Note(88, "<!-- issue-hygiene:lint -->\nhello"), 201);

        var result = await CreateClient().CreateIssueNoteAsync(1, 5, "<!-- issue-hygiene:lint -->\nhello");

        var created = Assert.IsType<NoteCreateResult.Created>(result);
        Assert.Equal(88, created.Note.Id);
        Assert.StartsWith("<!-- issue-hygiene:lint -->", created.Note.Body, StringComparison.Ordinal);
        using var sent = JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!);
        Assert.Equal("<!-- issue-hygiene:lint -->\nhello", sent.RootElement.GetProperty("body").GetString());
        Assert.False(sent.RootElement.TryGetProperty("internal", out _));
    }

    [Fact]
    public async Task CreateIssueNoteAsync_Internal_SendsInternalTrue()
    {
        GivenNoteAnswer(GitLabResponses.Note(88, "secret"), 201);

        await CreateClient().CreateIssueNoteAsync(1, 5, "secret", isInternal: true);

        using var sent = JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!);
        Assert.True(sent.RootElement.GetProperty("internal").GetBoolean());
    }

    [Fact]
    public async Task CreateIssueNoteAsync_202_GivesCommandsOnlyWithChanges()
    {
        GivenNoteAnswer("""{"commands_changes": {"add_label_ids": [12], "milestone_id": 4}, "summary": ["Added ~\"flow::Triage\" label.", "Set the milestone to %Backlog."]}""", 202);

        var result = await CreateClient().CreateIssueNoteAsync(1, 5, "/label ~\"flow::Triage\"\n/milestone %\"Backlog\"");

        var commands = Assert.IsType<NoteCreateResult.CommandsOnly>(result);
        Assert.Equal(4, commands.CommandsChanges["milestone_id"].GetInt64());
        Assert.Equal(2, commands.Summary.Count);
    }

    // GitLab: CommandDefinition#execute_message gives "Could not apply NAME command." for a command the user may
    // not run; Notes::QuickActionsStatus is then no error, so notes_helpers.rb process_note_creation_result answers
    // 202 with empty commands_changes. The client relied on such failures being 400.
    [Fact]
    public async Task CreateIssueNoteAsync_202NothingAppliedOnlyCouldNotApply_GivesCommandsFailed()
    {
        GivenNoteAnswer("""{"commands_changes": {}, "summary": ["Could not apply label command.", "Could not apply close command."]}""", 202);

        var result = await CreateClient().CreateIssueNoteAsync(1, 5, "/label ~Bug\n/close");

        var failed = Assert.IsType<NoteCreateResult.CommandsFailed>(result);
        Assert.Equal("Could not apply label command. Could not apply close command.", failed.Message);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_202SomeApplied_StaysCommandsOnly()
    {
        GivenNoteAnswer("""{"commands_changes": {"state_event": "close"}, "summary": ["Could not apply label command.", "Closed this issue."]}""", 202);

        var result = await CreateClient().CreateIssueNoteAsync(1, 5, "/label ~Bug\n/close");

        var commands = Assert.IsType<NoteCreateResult.CommandsOnly>(result);
        Assert.Equal("close", commands.CommandsChanges["state_event"].GetString());
    }

    [Theory]
    [InlineData("""{"message": "400 Bad request - Could not apply milestone command."}""", "Could not apply milestone command.")]
    [InlineData("""{"message": "400 Bad request - Note {:commands_only=>[\"Commands did not apply\"]}"}""", "Commands did not apply")]
    public async Task CreateIssueNoteAsync_400CommandsFailed_GivesCommandsFailed(string body, string expectedFragment)
    {
        GivenNoteAnswer(body, 400);

        var result = await CreateClient().CreateIssueNoteAsync(1, 5, "/milestone %\"Nope\"");

        var failed = Assert.IsType<NoteCreateResult.CommandsFailed>(result);
        Assert.Contains(expectedFragment, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_400OtherReason_ThrowsApiException()
    {
        GivenNoteAnswer("""{"error": "body is missing"}""", 400);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => CreateClient().CreateIssueNoteAsync(1, 5, "x"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("body is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateIssueNoteAsync_EditsInPlace()
    {
        Server.Given(Request.Create().WithPath(NotesPath + "/88").UsingPut()).RespondWith(GitLabResponses.Json(GitLabResponses.Note(88, "new text")));

        var note = await CreateClient().UpdateIssueNoteAsync(1, 5, 88, "new text");

        Assert.Equal("new text", note.Body);
        using var sent = JsonDocument.Parse(Server.LogEntries.Single().RequestMessage.Body!);
        Assert.Equal("new text", sent.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task DeleteIssueNoteAsync_204_Succeeds()
    {
        Server.Given(Request.Create().WithPath(NotesPath + "/88").UsingDelete()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(204));

        await CreateClient().DeleteIssueNoteAsync(1, 5, 88);

        Assert.Equal("DELETE", Server.LogEntries.Single().RequestMessage.Method);
    }

    [Fact]
    public async Task ListIssueNotesAsync_InternalNotes_AreListedWithTheirFlag()
    {
        Server.Given(Request.Create().WithPath(NotesPath).UsingGet()).RespondWith(GitLabResponses.Json(SharedSamples.Read("rest_issue_notes_list_response.json")).WithHeader("X-Page", "1").WithHeader("X-Total-Pages", "1"));

        var notes = new List<IssueHygiene.GitLab.Dtos.GitLabNote>();
        await foreach (var note in CreateClient().ListIssueNotesAsync(1, 5))
        {
            notes.Add(note);
        }

        Assert.Equal([false, true], notes.Select(n => n.Internal == true));
    }
}

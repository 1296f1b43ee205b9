using System.Text;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.GitLab.Tests.Webhooks;

public sealed class GitLabWebhookParserTests
{
    private static WebhookEvent Parse(string? header, string body) => GitLabWebhookParser.Parse(header, Encoding.UTF8.GetBytes(body));

    private const string IssueBody = """
        {"object_kind": "issue", "project": {"id": 1}, "object_attributes": {"id": 2, "iid": 3, "state": "opened", "created_at": "2026-01-01T00:00:00Z"}}
        """;

    [Theory]
    [InlineData("Issue Hook")]
    [InlineData("Confidential Issue Hook")]
    [InlineData(null)]
    public void Parse_IssueBody_GivesIssueEvent(string? header)
    {
        var parsed = Assert.IsType<WebhookEvent.Issue>(Parse(header, IssueBody));

        Assert.Equal(3, parsed.Payload.ObjectAttributes.Iid);
    }

    [Theory]
    [InlineData("Note Hook")]
    [InlineData("Confidential Note Hook")]
    public void Parse_NoteOnIssue_GivesNoteEvent(string header)
    {
        var body = """
            {"object_kind": "note", "project": {"id": 1}, "object_attributes": {"id": 5, "note": "hi", "noteable_type": "Issue"},
             "issue": {"id": 2, "iid": 3, "state": "opened", "created_at": "2026-01-01T00:00:00Z"}}
            """;

        Assert.IsType<WebhookEvent.Note>(Parse(header, body));
    }

    [Fact]
    public void Parse_WorkItemTask_GivesIssueEventForCoreToSkip()
    {
        // Whether a task is governed is decided in Core (workItemTypes), the same for lint, sweep and webhook; the
        // parser passes it on so secret-leak still sees it.
        var body = """
            {"object_kind": "work_item", "project": {"id": 1}, "object_attributes": {"id": 2, "iid": 3, "state": "opened", "type": "Task", "created_at": "2026-01-01T00:00:00Z"}}
            """;

        var issue = Assert.IsType<WebhookEvent.Issue>(Parse("Issue Hook", body));

        Assert.Equal("Task", issue.Payload.ObjectAttributes.Type);
    }

    [Fact]
    public void Parse_WorkItemIssue_GivesIssueEvent()
    {
        var body = """
            {"object_kind": "work_item", "project": {"id": 1}, "object_attributes": {"id": 2, "iid": 3, "state": "opened", "type": "Issue", "created_at": "2026-01-01T00:00:00Z"}}
            """;

        Assert.IsType<WebhookEvent.Issue>(Parse("Issue Hook", body));
    }

    [Fact]
    public void Parse_PushEvent_IsIgnored()
    {
        Assert.IsType<WebhookEvent.Ignored>(Parse("Push Hook", """{"object_kind": "push", "ref": "refs/heads/main"}"""));
    }

    [Theory]
    [InlineData("Issue Hook", "<html>502 Bad Gateway</html>")]
    [InlineData("Issue Hook", "{\"object_kind\": \"issue\", \"project\": {\"id\": 1}, \"object_attr")]
    [InlineData("Issue Hook", "{}")]
    [InlineData("Note Hook", IssueBody)]
    public void Parse_BadBodyOrMismatchedHeader_IsMalformed(string header, string body)
    {
        Assert.IsType<WebhookEvent.Malformed>(Parse(header, body));
    }
}

using System.Text;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.GitLab.Tests.Webhooks;

/// <summary>The Merge Request Hook, on GitLab's documented payload (Fixtures/SOURCES.md) and on MR notes.</summary>
public sealed class MergeRequestHookTests
{
    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "IssueHygiene.GitLab.Tests", "Webhooks", "Fixtures", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public void Parse_DocumentedMergeRequestHook_GivesTheMergeRequest()
    {
        var parsed = Assert.IsType<WebhookEvent.MergeRequest>(
            GitLabWebhookParser.Parse("Merge Request Hook", Encoding.UTF8.GetBytes(Fixture("merge_request_hook_open.json"))));

        var attributes = parsed.Payload.ObjectAttributes;
        Assert.Equal((99L, 1L, "opened", "open"), (attributes.Id, attributes.Iid, attributes.State, attributes.Action));
        Assert.Equal((51L, false), (attributes.AuthorId, attributes.Draft));
        Assert.Equal([6L], attributes.ReviewerIds);
        Assert.Equal(1, parsed.Payload.Project.Id);
        Assert.Equal("user1", Assert.Single(parsed.Payload.Reviewers!).Username);
        Assert.True(parsed.Payload.IsEvaluated);
    }

    [Fact]
    public void Parse_MergeRequestBodyUnderAnotherHeader_IsMalformed() =>
        Assert.IsType<WebhookEvent.Malformed>(
            GitLabWebhookParser.Parse("Issue Hook", Encoding.UTF8.GetBytes(Fixture("merge_request_hook_open.json"))));

    [Theory]
    [InlineData("open", true)]
    [InlineData("reopen", true)]
    [InlineData("update", true)]
    [InlineData("approved", true)]
    [InlineData("merge", true)]
    [InlineData("close", false)]
    [InlineData("unapproved", false)]
    public void IsEvaluated_ActionsThatCanChangeAVerdict(string action, bool expected)
    {
        var body = $$$"""{"object_kind": "merge_request", "project": {"id": 1}, "object_attributes": {"id": 2, "iid": 3, "action": "{{{action}}}"}}""";

        var parsed = Assert.IsType<WebhookEvent.MergeRequest>(GitLabWebhookParser.Parse("Merge Request Hook", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(expected, parsed.Payload.IsEvaluated);
    }

    [Fact]
    public void Parse_NoteOnMergeRequest_GivesMergeRequestNote()
    {
        const string body = """
            {"object_kind": "note", "project": {"id": 1}, "user": {"id": 5, "username": "ann"},
             "object_attributes": {"id": 7, "note": "@bot explain", "noteable_type": "MergeRequest", "noteable_id": 99},
             "merge_request": {"id": 99, "iid": 4, "state": "opened"}}
            """;

        var parsed = Assert.IsType<WebhookEvent.MergeRequestNote>(GitLabWebhookParser.Parse("Note Hook", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(4, parsed.Payload.MergeRequest!.Iid);
    }
}

using System.Text;
using System.Text.Json;
using IssueHygiene.Core.Issues;
using IssueHygiene.GitLab.Json;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Tests.Infrastructure;
using IssueHygiene.GitLab.Webhooks;

namespace IssueHygiene.GitLab.Tests.Samples;

/// <summary>
/// GitLab's own examples (tests/GitLabSamples) must parse, and the snapshot mapped from each issue-bearing
/// one must hold the labels, milestone and assignees the example shows.
/// </summary>
public sealed class GitLabSampleTests
{
    private static readonly Dictionary<string, Action<string>> Checks = new(StringComparer.Ordinal)
    {
        ["rest_project_issues_list_response.json"] = json =>
        {
            var issue = Assert.Single(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabIssue)!);
            var snapshot = GitLabIssueMapper.ToSnapshot(issue);
            Assert.Equal(["foo", "bar"], snapshot.Labels);
            Assert.Equal(new MilestoneRef(11, "v3.0", ProjectId: 4, State: "closed"), snapshot.Milestone);
            Assert.Equal([new UserRef(9, "lennie", "Dr. Luella Kovacek")], snapshot.Assignees);
            Assert.Equal(IssueState.Closed, snapshot.State);
            Assert.Equal((4L, 1L, 41L), (snapshot.ProjectId, snapshot.Iid, snapshot.Id));
            Assert.Equal("my-group/my-project", snapshot.ProjectPath);
            Assert.Equal(new DateTimeOffset(2016, 1, 4, 15, 31, 46, 176, TimeSpan.Zero), snapshot.CreatedAt);
            Assert.Equal("issue", snapshot.IssueType);
            Assert.Equal(new DateOnly(2016, 7, 22), issue.DueDate);
        },
        ["rest_edit_issue_response.json"] = json =>
        {
            var snapshot = GitLabIssueMapper.ToSnapshot(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabIssue)!);
            Assert.Equal(["bug"], snapshot.Labels);
            Assert.Null(snapshot.Milestone);
            Assert.Empty(snapshot.Assignees);
            Assert.Equal(IssueState.Closed, snapshot.State);
            Assert.Equal((4L, 15L, 85L), (snapshot.ProjectId, snapshot.Iid, snapshot.Id));
            Assert.Equal(new UserRef(18, "eileen.lowe", "Alexandra Bashirian"), snapshot.Author);
        },
        ["rest_issue_links_list_response.json"] = json =>
        {
            var snapshot = GitLabIssueMapper.ToSnapshot(Assert.Single(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabIssue)!));
            Assert.Equal(["bug"], snapshot.Labels);
            Assert.Null(snapshot.Milestone);
            Assert.Empty(snapshot.Assignees);
            Assert.Equal(IssueState.Opened, snapshot.State);
            Assert.Equal(14, snapshot.Iid);
        },
        ["rest_create_issue_note_with_quick_action_response.json"] = json =>
        {
            var note = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabNote)!;
            Assert.Equal(699, note.Id);
            Assert.Equal(33, note.NoteableIid);
            Assert.True(note.CommandsChanges!["promote_to_epic"].GetBoolean());
            Assert.Equal("eileen.lowe", note.Author!.Username);
        },
        ["rest_issue_notes_list_response.json"] = json =>
        {
            var notes = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabNote)!;
            Assert.Equal([302L, 305L], notes.Select(n => n.Id));
            Assert.All(notes, n => Assert.True(n.System));
            Assert.Equal([false, true], notes.Select(n => n.Internal ?? false));
            Assert.Equal("Text of the comment\r\n", notes[1].Body);
        },
        ["rest_project_labels_list_response.json"] = json =>
        {
            var labels = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabLabel)!;
            Assert.Equal(["bug", "confirmed", "critical", "documentation", "enhancement"], labels.Select(l => l.Name));
            Assert.Equal([true, true, true, false, true], labels.Select(l => l.IsProjectLabel ?? false));
            Assert.Equal(10, labels[0].Priority);
        },
        ["rest_create_project_label_response.json"] = json =>
        {
            var label = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabLabel)!;
            Assert.Equal((10L, "feature", "#5843AD"), (label.Id, label.Name, label.Color));
        },
        ["rest_group_label_create_response.json"] = json =>
        {
            var label = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabLabel)!;
            Assert.Equal((9L, "Feature Proposal", "Describes new ideas"), (label.Id, label.Name, label.Description));
        },
        ["rest_group_milestones_list_response.json"] = json =>
        {
            var milestone = Assert.Single(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabMilestone)!);
            Assert.Equal(
                new MilestoneRef(12, "10.0", new DateOnly(2013, 11, 29), new DateOnly(2013, 11, 10), GroupId: 16, State: "active"),
                GitLabIssueMapper.ToMilestoneRef(milestone));
        },
        ["rest_project_milestones_list_response.json"] = json =>
        {
            var milestone = Assert.Single(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabMilestone)!);
            Assert.Equal(
                new MilestoneRef(12, "10.0", new DateOnly(2013, 11, 29), new DateOnly(2013, 11, 10), ProjectId: 16, State: "active"),
                GitLabIssueMapper.ToMilestoneRef(milestone));
        },
        ["webhook_issue_hook_payload.json"] = json =>
        {
            var payload = Assert.IsType<WebhookEvent.Issue>(GitLabWebhookParser.Parse("Issue Hook", Encoding.UTF8.GetBytes(json))).Payload;
            AssertDocumentedIssueHook(payload);
            Assert.Equal("issue", GitLabIssueMapper.FromIssueHook(payload)!.IssueType);
        },
        ["go-gitlab/webhook_issue_hook_payload.go-gitlab.json"] = json =>
        {
            var payload = Assert.IsType<WebhookEvent.Issue>(GitLabWebhookParser.Parse("Issue Hook", Encoding.UTF8.GetBytes(json))).Payload;
            AssertDocumentedIssueHook(payload);
            Assert.Equal("New title", payload.Changes!.Title!.Current);
            Assert.Equal(1, payload.Changes.StateId!.Current);
        },
        ["webhook_note_hook_issue_comment_payload.json"] = json =>
        {
            var payload = Assert.IsType<WebhookEvent.Note>(GitLabWebhookParser.Parse("Note Hook", Encoding.UTF8.GetBytes(json))).Payload;
            Assert.Equal("Hello world", payload.ObjectAttributes.Note);
            Assert.Equal(new DateTimeOffset(2015, 5, 17, 17, 6, 40, TimeSpan.Zero), payload.ObjectAttributes.CreatedAt);
            var snapshot = GitLabIssueMapper.FromNoteHook(payload)!;
            AssertDocumentedNoteHookIssue(snapshot);
            Assert.Equal(new DateTimeOffset(2015, 4, 12, 14, 53, 17, TimeSpan.Zero), snapshot.CreatedAt);
        },
        ["go-gitlab/webhook_note_hook_issue.go-gitlab.json"] = json =>
        {
            var payload = Assert.IsType<WebhookEvent.Note>(GitLabWebhookParser.Parse("Note Hook", Encoding.UTF8.GetBytes(json))).Payload;
            var snapshot = GitLabIssueMapper.FromNoteHook(payload)!;
            AssertDocumentedNoteHookIssue(snapshot);
            Assert.Equal("test_issue", snapshot.Title);
            Assert.Equal(new DateTimeOffset(2016, 1, 4, 15, 31, 46, 176, TimeSpan.Zero), snapshot.CreatedAt);
        },
        ["webhook_milestone_hook_payload.json"] = json =>
        {
            var payload = Assert.IsType<WebhookEvent.Milestone>(GitLabWebhookParser.Parse("Milestone Hook", Encoding.UTF8.GetBytes(json))).Payload;
            Assert.Equal((61L, "v1.0", "create"), (payload.ObjectAttributes.Id, payload.ObjectAttributes.Title, payload.Action));
            Assert.Equal(new DateOnly(2025, 6, 30), payload.ObjectAttributes.DueDate);
            Assert.Equal(new DateTimeOffset(2025, 6, 16, 14, 10, 57, TimeSpan.Zero), payload.ObjectAttributes.CreatedAt);
        },
        ["webhook_request_headers_example.json"] = json =>
        {
            var headers = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.DictionaryStringString)!;
            // The delivery's event UUID is what we echo: it must be accepted as an echo value.
            using var scope = new EventUuidEchoScope(headers["X-Gitlab-Event-UUID"]);
            Assert.Equal("9cebe914-4827-408f-b014-cfa23a47a35f", EventUuidEchoScope.Current);
            Assert.Equal("[REDACTED]", headers["X-Gitlab-Token"]);
        },
        ["schemas/public_api_v4_issue.schema.json"] = json =>
            SchemaAssert.MatchesDto(json, GitLabJsonContext.Default.GitLabIssue, arrayOfItems: false,
                "id", "iid", "project_id", "title", "description", "state", "labels", "milestone", "assignees", "author", "created_at", "updated_at", "web_url", "confidential"),
        ["schemas/public_api_v4_issues.schema.json"] = json =>
        {
            // A $ref to issue.json: the items must be that schema.
            using var schema = JsonDocument.Parse(json);
            Assert.Equal("array", schema.RootElement.GetProperty("type").GetString());
            Assert.Equal("./issue.json", schema.RootElement.GetProperty("items").GetProperty("properties").GetProperty("$ref").GetString());
        },
        ["schemas/public_api_v4_notes.schema.json"] = json =>
            SchemaAssert.MatchesDto(json, GitLabJsonContext.Default.GitLabNote, arrayOfItems: true,
                "id", "body", "author", "created_at", "system", "noteable_id", "noteable_iid", "noteable_type", "internal", "confidential", "commands_changes"),
        ["rest_merge_requests_list_response.json"] = json =>
        {
            // A documented MR before GitLab 14.7: merged_by only (no merge_user), work_in_progress (no draft).
            var mergeRequest = Assert.Single(JsonSerializer.Deserialize(json, GitLabJsonContext.Default.ListGitLabMergeRequest)!);
            var snapshot = GitLabMergeRequestMapper.ToSnapshot(mergeRequest);
            Assert.Equal((3L, 1L, Core.MergeRequests.MergeRequestState.Merged), (snapshot.ProjectId, snapshot.Iid, snapshot.State));
            Assert.Equal("DouweM", snapshot.MergedBy!.Username);
            Assert.Equal(new DateTimeOffset(2018, 9, 7, 11, 16, 17, 520, TimeSpan.Zero), snapshot.MergedAt);
            Assert.Equal(("admin", false), (snapshot.Author.Username, snapshot.Draft));
            Assert.Equal(["Community contribution", "Manage"], snapshot.Labels);
            Assert.Equal(("my-group/my-project", 1), (snapshot.ProjectPath, snapshot.UserNotesCount));
            Assert.Equal("fixed login page css paddings", snapshot.Description);
            Assert.Empty(snapshot.Reviewers);
        },
        ["schemas/public_api_v4_merge_request.schema.json"] = json =>
            SchemaAssert.MatchesDto(json, GitLabJsonContext.Default.GitLabMergeRequest, arrayOfItems: false,
                "id", "iid", "project_id", "title", "description", "state", "author", "reviewers", "merge_user", "merged_by", "merged_at",
                "created_at", "updated_at", "labels", "work_in_progress", "user_notes_count", "web_url", "references"),
        ["schemas/public_api_v4_user_basic.schema.json"] = json =>
            SchemaAssert.MatchesDto(json, GitLabJsonContext.Default.GitLabUser, arrayOfItems: false, "id", "state", "web_url"),
        ["schemas/public_api_v4_milestone.schema.json"] = json =>
            SchemaAssert.MatchesDto(json, GitLabJsonContext.Default.GitLabMilestone, arrayOfItems: false,
                "id", "iid", "project_id", "group_id", "title", "state", "due_date", "start_date", "web_url"),
    };

    public static TheoryData<string> Files() => [.. Checks.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_GitLabExample_ParsesAndMapsAsDocumented(string relativePath)
    {
        Checks[relativePath](SharedSamples.Read(relativePath));
    }

    [Fact]
    public void Samples_EveryJsonFileInGitLabSamples_HasACheck()
    {
        var files = SharedSamples.AllJsonFiles();

        Assert.NotEmpty(files);
        Assert.Equal(files, Checks.Keys.Order(StringComparer.Ordinal));
    }

    private static void AssertDocumentedIssueHook(IssueHookPayload payload)
    {
        var snapshot = GitLabIssueMapper.FromIssueHook(payload)!;
        Assert.Equal(["API"], snapshot.Labels);
        Assert.Null(snapshot.Milestone);
        // The documented assignee has no id; object_attributes.assignee_ids says 51.
        Assert.Equal([new UserRef(51, "user1", "User1")], snapshot.Assignees);
        Assert.Equal(IssueState.Opened, snapshot.State);
        Assert.Equal((14L, 23L, 301L), (snapshot.ProjectId, snapshot.Iid, snapshot.Id));
        Assert.Equal("gitlabhq/gitlab-test", snapshot.ProjectPath);
        Assert.Equal(new DateTimeOffset(2013, 12, 3, 17, 15, 43, TimeSpan.Zero), snapshot.CreatedAt);
        Assert.Equal("open", payload.ObjectAttributes.Action);
        Assert.Equal(["API"], payload.Changes!.Labels!.Previous!.Select(l => l.Title));
        Assert.Equal(["Platform"], payload.Changes.Labels.Current!.Select(l => l.Title));
        Assert.Equal(new DateTimeOffset(2017, 9, 15, 16, 52, 0, TimeSpan.Zero), payload.Changes.UpdatedAt!.Current);
    }

    private static void AssertDocumentedNoteHookIssue(IssueSnapshot snapshot)
    {
        Assert.Equal(["Afterpod", "Element"], snapshot.Labels);
        Assert.Null(snapshot.Milestone);
        Assert.Empty(snapshot.Assignees);
        Assert.Equal(IssueState.Closed, snapshot.State);
        Assert.Equal((5L, 17L, 92L), (snapshot.ProjectId, snapshot.Iid, snapshot.Id));
        Assert.Equal("gitlab-org/gitlab-test", snapshot.ProjectPath);
    }
}

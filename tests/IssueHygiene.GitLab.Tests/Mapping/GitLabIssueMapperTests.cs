using System.Text.Json;
using IssueHygiene.Core.Issues;
using IssueHygiene.GitLab.Json;
using IssueHygiene.GitLab.Mapping;

namespace IssueHygiene.GitLab.Tests.Mapping;

public sealed class GitLabIssueMapperTests
{
    private static IssueHygiene.GitLab.Webhooks.IssueHookPayload Hook(string objectKind, string? type, string state = "opened", string milestoneId = "null", string assignees = "[]", string assigneeIds = "[]") =>
        JsonSerializer.Deserialize($$"""
            {"object_kind": "{{objectKind}}", "event_type": "{{objectKind}}",
             "user": {"id": 5, "username": "alice", "name": "Alice"},
             "project": {"id": 3, "path_with_namespace": "team/app", "web_url": "http://gitlab.test/team/app"},
             "object_attributes": {"id": 900, "iid": 12, "project_id": 3, "title": "T", "state": "{{state}}", "action": "update",
               "author_id": 5, "milestone_id": {{milestoneId}}, "assignee_ids": {{assigneeIds}},
               "created_at": "2026-01-01 10:00:00 UTC", "updated_at": "2026-01-02T10:00:00Z",
               "url": "http://gitlab.test/team/app/-/issues/12" {{(type is null ? "" : $", \"type\": \"{type}\"")}}},
             "labels": [{"id": 1, "title": "flow::Doing"}, {"id": 2, "title": "Bug"}],
             "assignees": {{assignees}}}
            """, GitLabJsonContext.Default.IssueHookPayload)!;

    [Theory]
    [InlineData("issue", null, null)]
    [InlineData("issue", "Issue", "issue")]
    [InlineData("work_item", "Issue", "issue")]
    [InlineData("work_item", "Incident", "incident")]
    [InlineData("work_item", "Task", "task")]
    [InlineData("work_item", "Epic", "epic")]
    [InlineData("work_item", null, null)]
    public void FromIssueHook_ObjectKindAndType_MapsEveryWorkItemWithItsTypeForCoreToDecide(string objectKind, string? type, string? issueType)
    {
        // Which types the rules govern is Core's decision (workItemTypes), the same on every path: the hook only maps.
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook(objectKind, type));

        Assert.NotNull(snapshot);
        Assert.Equal(issueType, snapshot.IssueType);
    }

    [Theory]
    [InlineData("Issue", true)]
    [InlineData("Incident", true)]
    [InlineData("Task", false)]
    [InlineData("Epic", false)]
    public void FromIssueHook_WorkItemThroughTheEvaluator_SameVerdictAsLintAndSweep(string type, bool governed)
    {
        // The webhook path hands Core the same snapshot shape as the REST list, so Core's one decision applies.
        var rules = IssueHygiene.Core.Policy.Loading.RuleSetLoader.Load("version: 1\n", "rules.yml").RuleSet!;
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("work_item", type))!;

        var verdict = new IssueHygiene.Core.Evaluation.Evaluator(rules).Evaluate(snapshot, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(governed, verdict.Status == IssueHygiene.Core.Evaluation.EvaluationStatus.Evaluated);
        Assert.Equal(!governed, verdict.Status == IssueHygiene.Core.Evaluation.EvaluationStatus.SkippedWorkItemType);
    }

    [Theory]
    [InlineData("opened", IssueState.Opened)]
    [InlineData("closed", IssueState.Closed)]
    public void FromIssueHook_State_MapsToCoreState(string state, IssueState expected)
    {
        Assert.Equal(expected, GitLabIssueMapper.FromIssueHook(Hook("issue", "Issue", state))!.State);
    }

    [Fact]
    public void FromIssueHook_UnknownState_ThrowsNamingTheIssue()
    {
        var ex = Assert.Throws<FormatException>(() => GitLabIssueMapper.FromIssueHook(Hook("issue", "Issue", "merged")));

        Assert.Contains("#12", ex.Message, StringComparison.Ordinal);
        Assert.Contains("merged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromIssueHook_MilestoneIdWithLookup_UsesTheLookedUpMilestone()
    {
        var sprint = new MilestoneRef(44, "Sprint 2026-01-09", DueDate: new DateOnly(2026, 1, 9), GroupId: 2);

        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("issue", null, milestoneId: "44"), id => id == 44 ? sprint : null)!;

        Assert.Equal(sprint, snapshot.Milestone);
    }

    [Fact]
    public void FromIssueHook_MilestoneIdWithoutLookup_KeepsTheIdWithEmptyTitle()
    {
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("issue", null, milestoneId: "44"))!;

        Assert.Equal(new MilestoneRef(44, string.Empty), snapshot.Milestone);
    }

    [Fact]
    public void FromIssueHook_NoMilestone_HasNone()
    {
        Assert.Null(GitLabIssueMapper.FromIssueHook(Hook("issue", null))!.Milestone);
    }

    [Fact]
    public void FromIssueHook_AssigneesWithoutIds_PairsThemWithAssigneeIds()
    {
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("issue", null,
            assignees: """[{"username": "bob", "name": "Bob"}, {"username": "carol", "name": "Carol"}]""",
            assigneeIds: "[21, 22]"))!;

        Assert.Equal([new UserRef(21, "bob", "Bob"), new UserRef(22, "carol", "Carol")], snapshot.Assignees);
    }

    [Fact]
    public void FromIssueHook_AssigneesWithIds_KeepsTheirIds()
    {
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("issue", null,
            assignees: """[{"id": 30, "username": "dave"}]""", assigneeIds: "[99, 98]"))!;

        Assert.Equal([new UserRef(30, "dave")], snapshot.Assignees);
    }

    [Fact]
    public void FromIssueHook_Everything_FillsTheSnapshot()
    {
        var snapshot = GitLabIssueMapper.FromIssueHook(Hook("issue", "Issue"))!;

        Assert.Equal(3, snapshot.ProjectId);
        Assert.Equal(12, snapshot.Iid);
        Assert.Equal(900, snapshot.Id);
        Assert.Equal(["flow::Doing", "Bug"], snapshot.Labels);
        Assert.Equal("team/app", snapshot.ProjectPath);
        Assert.Equal("http://gitlab.test/team/app/-/issues/12", snapshot.WebUrl);
        Assert.Equal(new UserRef(5, "alice", "Alice"), snapshot.Author);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), snapshot.CreatedAt);
        Assert.Equal("issue", snapshot.IssueType);
    }

    [Fact]
    public void ToSnapshot_RestIssue_MapsLabelsMilestoneAssigneesAndPath()
    {
        var issue = JsonSerializer.Deserialize("""
            {"id": 41, "iid": 1, "project_id": 4, "title": "T", "state": "opened", "labels": ["flow::Triage", "Bug"],
             "milestone": {"id": 11, "iid": 3, "group_id": 2, "title": "Backlog", "state": "active", "due_date": null},
             "assignees": [{"id": 9, "username": "lennie", "name": "Lennie"}], "author": {"id": 1, "username": "root"},
             "created_at": "2016-01-04T15:31:46.176Z", "references": {"full": "my-group/sub/my-project#1"},
             "issue_type": "incident", "confidential": true}
            """, GitLabJsonContext.Default.GitLabIssue)!;

        var snapshot = GitLabIssueMapper.ToSnapshot(issue);

        Assert.Equal(["flow::Triage", "Bug"], snapshot.Labels);
        Assert.Equal(new MilestoneRef(11, "Backlog", GroupId: 2), snapshot.Milestone);
        Assert.Equal([new UserRef(9, "lennie", "Lennie")], snapshot.Assignees);
        Assert.Equal("my-group/sub/my-project", snapshot.ProjectPath);
        Assert.Equal("incident", snapshot.IssueType);
        Assert.True(snapshot.Confidential);
        Assert.Equal(IssueState.Opened, snapshot.State);
    }

    [Fact]
    public void ToSnapshot_ExplicitProjectPath_WinsOverReferences()
    {
        var issue = JsonSerializer.Deserialize("""
            {"id": 41, "iid": 1, "project_id": 4, "state": "closed", "created_at": "2016-01-04T15:31:46.176Z", "references": {"full": "a/b#1"}}
            """, GitLabJsonContext.Default.GitLabIssue)!;

        Assert.Equal("x/y", GitLabIssueMapper.ToSnapshot(issue, "x/y").ProjectPath);
    }

    [Fact]
    public void FromNoteHook_NoteOnMergeRequest_GivesNull()
    {
        var payload = JsonSerializer.Deserialize("""
            {"object_kind": "note", "project": {"id": 1}, "object_attributes": {"id": 5, "note": "hi", "noteable_type": "MergeRequest"},
             "merge_request": {"id": 3}}
            """, GitLabJsonContext.Default.NoteHookPayload)!;

        Assert.Null(GitLabIssueMapper.FromNoteHook(payload));
    }

    [Fact]
    public void FromNoteHook_IssueWithAssigneeIdsAndMilestone_MapsIdsAndLooksUpMilestone()
    {
        var payload = JsonSerializer.Deserialize("""
            {"object_kind": "note", "project": {"id": 1, "path_with_namespace": "g/p"},
             "object_attributes": {"id": 5, "note": "@bot lint", "noteable_type": "Issue", "noteable_id": 92},
             "issue": {"id": 92, "iid": 17, "project_id": 1, "state": "opened", "assignee_ids": [4, 6], "milestone_id": 8,
                       "created_at": "2015-04-12 14:53:17 UTC", "labels": [{"id": 1, "title": "Bug"}]}}
            """, GitLabJsonContext.Default.NoteHookPayload)!;

        var snapshot = GitLabIssueMapper.FromNoteHook(payload, id => new MilestoneRef(id, "Backlog"))!;

        Assert.Equal([4L, 6L], snapshot.Assignees.Select(a => a.Id));
        Assert.Equal(new MilestoneRef(8, "Backlog"), snapshot.Milestone);
        Assert.Equal(["Bug"], snapshot.Labels);
        Assert.Equal(92, snapshot.Id);
        Assert.Equal(17, snapshot.Iid);
    }
}

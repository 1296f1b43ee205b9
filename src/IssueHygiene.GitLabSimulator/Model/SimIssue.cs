namespace IssueHygiene.GitLabSimulator.Model;

internal sealed class SimIssue
{
    public required long Id { get; init; }
    public required long Iid { get; init; }
    public required SimProject Project { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public bool IsOpen { get; set; } = true;
    public string State => IsOpen ? "opened" : "closed";
    public List<long> LabelIds { get; set; } = [];
    public long? MilestoneId { get; set; }
    public List<long> AssigneeIds { get; set; } = [];
    public required long AuthorId { get; init; }
    public bool Confidential { get; set; }
    public DateOnly? DueDate { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long? ClosedById { get; set; }
    public long? UpdatedById { get; set; }
    public DateTimeOffset? LastEditedAt { get; set; }
    public long? LastEditedById { get; set; }
    public int UserNotesCount { get; set; }

    /// <summary>GitLab's base work item type, as REST's <c>issue_type</c> spells it: issue, incident, test_case, task.</summary>
    public string IssueType { get; set; } = "issue";

    /// <summary>REST's <c>type</c>: the base type in capitals (<c>ISSUE</c>, <c>TASK</c>, <c>TEST_CASE</c>).</summary>
    public string RestType => IssueType.ToUpperInvariant();

    /// <summary>The work item type's name, as webhooks' <c>object_attributes.type</c> gives it (<c>Issue</c>, <c>Test Case</c>).</summary>
    public string TypeName => string.Join(' ', IssueType.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>
    /// Issues and incidents are <c>Issue</c> records whose hooks say <c>object_kind: issue</c>; other work items
    /// (tasks, test cases) are <c>WorkItem</c> records, and GitLab's issuable data builder names the kind after the class.
    /// </summary>
    public bool IsLegacyIssue => IssueType is "issue" or "incident";
}

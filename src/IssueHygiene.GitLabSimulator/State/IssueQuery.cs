using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>The filters of <c>GET /projects/:id/issues</c> and <c>GET /groups/:id/issues</c>, parsed.</summary>
internal sealed record IssueQuery
{
    public required IReadOnlySet<long> ProjectIds { get; init; }
    public required SimUser Viewer { get; init; }
    public bool? Opened { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public FilterMode LabelsMode { get; init; }
    public IReadOnlyList<string> NotLabels { get; init; } = [];
    public FilterMode MilestoneMode { get; init; }
    public string? MilestoneTitle { get; init; }
    public FilterMode AssigneeMode { get; init; }
    public long? AssigneeId { get; init; }
    public long? AuthorId { get; init; }
    public DateTimeOffset? UpdatedAfter { get; init; }
    public DateTimeOffset? UpdatedBefore { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public IReadOnlySet<long>? Iids { get; init; }
    public string? Search { get; init; }
    public bool? Confidential { get; init; }
    public IssueOrder OrderBy { get; init; } = IssueOrder.CreatedAt;
    public bool Ascending { get; init; }
}

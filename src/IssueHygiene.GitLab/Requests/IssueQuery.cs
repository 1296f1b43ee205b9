namespace IssueHygiene.GitLab.Requests;

/// <summary>Filters and paging of an issue list.</summary>
public sealed record IssueQuery
{
    public IssueStateFilter State { get; init; } = IssueStateFilter.Opened;

    /// <summary>Issues carrying all these labels (GitLab's <c>labels</c> filter); empty for no filter.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Issues updated at or after this instant (GitLab's filter is inclusive).</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    /// <summary>Issues in the milestone with this title (GitLab's <c>milestone</c> filter); null for no filter.</summary>
    public string? Milestone { get; init; }

    /// <summary>Issues whose title or description contains this text (GitLab's <c>search</c>); null for no filter.</summary>
    public string? Search { get; init; }

    /// <summary>Project issues only: keyset pagination. Ignored for group issues (offset-only in GitLab).</summary>
    public IssuePaginationMode Pagination { get; init; } = IssuePaginationMode.Offset;

    /// <summary>Pages fetched at once when the page count is known; null uses <see cref="GitLabOptions.MaxPageConcurrency"/>.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Open issues, no other filter.</summary>
    public static IssueQuery OpenIssues { get; } = new();
}

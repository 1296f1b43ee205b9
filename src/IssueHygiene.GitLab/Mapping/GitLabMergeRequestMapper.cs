using IssueHygiene.Core.Issues;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.GitLab.Dtos;

namespace IssueHygiene.GitLab.Mapping;

/// <summary>REST merge request → <see cref="MergeRequestSnapshot"/>; diffs → changed paths.</summary>
public static class GitLabMergeRequestMapper
{
    public static MergeRequestSnapshot ToSnapshot(GitLabMergeRequest mergeRequest) => new()
    {
        ProjectId = mergeRequest.ProjectId,
        Iid = mergeRequest.Iid,
        Id = mergeRequest.Id,
        Title = mergeRequest.Title,
        Description = mergeRequest.Description,
        State = mergeRequest.State switch
        {
            "merged" => MergeRequestState.Merged,
            "closed" => MergeRequestState.Closed,
            "locked" => MergeRequestState.Locked,
            _ => MergeRequestState.Opened,
        },
        Draft = mergeRequest.Draft ?? mergeRequest.WorkInProgress ?? false,
        Author = ToUser(mergeRequest.Author) ?? new UserRef(0, string.Empty),
        Reviewers = [.. mergeRequest.Reviewers.Select(r => ToUser(r)!)],
        MergedBy = ToUser(mergeRequest.MergeUser ?? mergeRequest.MergedBy),
        MergedAt = mergeRequest.MergedAt,
        CreatedAt = mergeRequest.CreatedAt,
        UpdatedAt = mergeRequest.UpdatedAt,
        Labels = mergeRequest.Labels,
        WebUrl = mergeRequest.WebUrl,
        ProjectPath = ProjectPathOf(mergeRequest.References?.Full),
        UserNotesCount = mergeRequest.UserNotesCount,
    };

    /// <summary>Every path a diff touches: both sides of a rename, so moving code into <c>docs/</c> is not trivial.</summary>
    public static IReadOnlyList<string> ChangedPaths(IEnumerable<GitLabMergeRequestDiff> diffs) =>
        [.. diffs.SelectMany(d => d.OldPath == d.NewPath || d.OldPath.Length == 0 ? [d.NewPath] : new[] { d.OldPath, d.NewPath })
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    private static UserRef? ToUser(GitLabUser? user) => user is null ? null : new UserRef(user.Id, user.Username, user.Name);

    // "group/project!12" → "group/project".
    private static string? ProjectPathOf(string? full) =>
        full is null ? null : full.LastIndexOf('!') is var bang and > 0 ? full[..bang] : null;
}

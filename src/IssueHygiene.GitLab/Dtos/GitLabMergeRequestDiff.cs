namespace IssueHygiene.GitLab.Dtos;

/// <summary>One changed file of <c>GET /projects/:id/merge_requests/:iid/diffs</c> (the diff text itself is not read).</summary>
public sealed record GitLabMergeRequestDiff
{
    public string OldPath { get; init => field = value ?? string.Empty; } = string.Empty;

    public string NewPath { get; init => field = value ?? string.Empty; } = string.Empty;

    public bool NewFile { get; init; }

    public bool RenamedFile { get; init; }

    public bool DeletedFile { get; init; }
}

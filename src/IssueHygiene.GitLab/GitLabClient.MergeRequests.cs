using System.Globalization;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Json;
using IssueHygiene.GitLab.Pagination;
using IssueHygiene.GitLab.Requests;

namespace IssueHygiene.GitLab;

/// <summary>The merge-request endpoints (<see cref="IGitLabMergeRequests"/>), over the same transport as the rest.</summary>
public sealed partial class GitLabClient : IGitLabMergeRequests
{
    public IAsyncEnumerable<GitLabMergeRequest> ListProjectMergeRequestsAsync(IdOrPath project, MergeRequestQuery query, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            new PageRequest(
                Api($"projects/{project.ToUrlSegment()}/merge_requests", [.. MergeRequestFilters(query)]),
                "GET /projects/:id/merge_requests",
                $"merge requests of {ProjectName(project)}",
                Offset: true,
                MaxConcurrency: _options.MaxPageConcurrency),
            GitLabJsonContext.Default.ListGitLabMergeRequest,
            cancellationToken);

    public IAsyncEnumerable<GitLabMergeRequest> ListGroupMergeRequestsAsync(IdOrPath group, MergeRequestQuery query, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            new PageRequest(
                Api($"groups/{group.ToUrlSegment()}/merge_requests", [.. MergeRequestFilters(query)]),
                "GET /groups/:id/merge_requests",
                $"merge requests of {GroupName(group)}",
                Offset: true,
                MaxConcurrency: _options.MaxPageConcurrency),
            GitLabJsonContext.Default.ListGitLabMergeRequest,
            cancellationToken);

    public Task<GitLabMergeRequest> GetMergeRequestAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}"), "GET /projects/:id/merge_requests/:iid",
            MergeRequestName(project, mergeRequestIid), GitLabJsonContext.Default.GitLabMergeRequest, cancellationToken);

    public IAsyncEnumerable<GitLabMergeRequestDiff> ListMergeRequestDiffsAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/diffs", ("per_page", PerPage)),
                "GET /projects/:id/merge_requests/:iid/diffs", $"diffs of {MergeRequestName(project, mergeRequestIid)}"),
            GitLabJsonContext.Default.ListGitLabMergeRequestDiff,
            cancellationToken);

    public IAsyncEnumerable<GitLabNote> ListMergeRequestNotesAsync(IdOrPath project, long mergeRequestIid, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/notes", ("sort", "asc"), ("order_by", "created_at"), ("per_page", PerPage)),
                "GET /projects/:id/merge_requests/:iid/notes", $"notes of {MergeRequestName(project, mergeRequestIid)}"),
            GitLabJsonContext.Default.ListGitLabNote,
            cancellationToken);

    public Task<GitLabNote> GetMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/notes/{Number(noteId)}"), "GET /projects/:id/merge_requests/:iid/notes/:note_id",
            $"note {Number(noteId)} of {MergeRequestName(project, mergeRequestIid)}", GitLabJsonContext.Default.GitLabNote, cancellationToken);

    public Task<NoteCreateResult> CreateMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, string body, bool isInternal = false, CancellationToken cancellationToken = default) =>
        CreateNoteAsync(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/notes"), "POST /projects/:id/merge_requests/:iid/notes",
            MergeRequestName(project, mergeRequestIid), body, isInternal, cancellationToken);

    public Task<GitLabMergeRequest> UpdateMergeRequestAsync(IdOrPath project, long mergeRequestIid, string? title, string? description, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}"), "PUT /projects/:id/merge_requests/:iid",
            MergeRequestName(project, mergeRequestIid), Json(new IssueUpdateBody(null, null, null, null, null, title, description), GitLabRequestJsonContext.Default.IssueUpdateBody),
            GitLabJsonContext.Default.GitLabMergeRequest, cancellationToken);

    public Task<GitLabNote> UpdateMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken = default) =>
        UpdateNoteAsync(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/notes/{Number(noteId)}"),
            "PUT /projects/:id/merge_requests/:iid/notes/:note_id", $"note {noteId} of {MergeRequestName(project, mergeRequestIid)}", body, cancellationToken);

    public Task DeleteMergeRequestNoteAsync(IdOrPath project, long mergeRequestIid, long noteId, CancellationToken cancellationToken = default) =>
        DeleteNoteAsync(Api($"projects/{project.ToUrlSegment()}/merge_requests/{Number(mergeRequestIid)}/notes/{Number(noteId)}"),
            "DELETE /projects/:id/merge_requests/:iid/notes/:note_id", $"note {noteId} of {MergeRequestName(project, mergeRequestIid)}", cancellationToken);

    private string PerPage => _options.PerPage.ToString(CultureInfo.InvariantCulture);

    private List<(string Name, string? Value)> MergeRequestFilters(MergeRequestQuery query) =>
    [
        ("state", query.State switch
        {
            MergeRequestStateFilter.Opened => "opened",
            MergeRequestStateFilter.Merged => "merged",
            MergeRequestStateFilter.Closed => "closed",
            _ => "all",
        }),
        ("updated_after", query.UpdatedAfter?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        ("order_by", "updated_at"),
        ("sort", "asc"),
        ("per_page", PerPage),
    ];

    private static string MergeRequestName(IdOrPath project, long iid) => $"merge request {project}!{iid}";
}

using IssueHygiene.Core.MergeRequests;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>The merge-request endpoints: GitLab's paths and parameter names, pagination, and the mapping to a snapshot.</summary>
public sealed class MergeRequestEndpointTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string MergedMr = """
        {"id": 99, "iid": 4, "project_id": 5, "title": "Fix", "state": "merged", "draft": false,
         "author": {"id": 1, "username": "ann"}, "reviewers": [{"id": 2, "username": "bob"}],
         "merged_by": {"id": 3, "username": "old-field"}, "merge_user": {"id": 1, "username": "ann"},
         "merged_at": "2026-01-02T10:00:00.000Z", "created_at": "2026-01-01T10:00:00.000Z", "updated_at": "2026-01-02T10:00:00.000Z",
         "labels": ["Bug"], "references": {"full": "team/app!4"}, "user_notes_count": 0, "description": "Fixes the runner"}
        """;

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private void Given(string path, string method, string body, int status = 200, int? page = null, int totalPages = 1)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        if (page is { } p)
        {
            request = request.WithParam("page", GitLabResponses.Number(p));
        }

        var response = GitLabResponses.Json(body, status).WithHeader("X-Page", GitLabResponses.Number(page ?? 1)).WithHeader("X-Total-Pages", GitLabResponses.Number(totalPages));
        if ((page ?? 1) < totalPages)
        {
            response = response.WithHeader("X-Next-Page", GitLabResponses.Number((page ?? 1) + 1));
        }

        Server.Given(request).RespondWith(response);
    }

    [Fact]
    public async Task ListProjectMergeRequestsAsync_MergedSince_SendsStateAndUpdatedAfter()
    {
        Given("/api/v4/projects/5/merge_requests", "GET", "[" + MergedMr + "]");

        var list = await ListAsync(CreateClient().ListProjectMergeRequestsAsync(5, new MergeRequestQuery
        {
            State = MergeRequestStateFilter.Merged,
            UpdatedAfter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }));

        Assert.Single(list);
        var query = Server.LogEntries.Single().RequestMessage.Query!;
        Assert.Equal("merged", query["state"].Single());
        Assert.Equal("2026-01-01T00:00:00.000Z", query["updated_after"].Single());
    }

    [Fact]
    public async Task ListGroupMergeRequestsAsync_Paginates()
    {
        Given("/api/v4/groups/team/merge_requests", "GET", "[" + MergedMr + "]", page: null, totalPages: 2);
        Given("/api/v4/groups/team/merge_requests", "GET", "[" + MergedMr.Replace("\"iid\": 4", "\"iid\": 5", StringComparison.Ordinal) + "]", page: 2, totalPages: 2);

        var list = await ListAsync(CreateClient().ListGroupMergeRequestsAsync("team", new MergeRequestQuery()));

        Assert.Equal([4L, 5L], list.Select(m => m.Iid));
        Assert.Equal("opened", Server.LogEntries[0].RequestMessage.Query!["state"].Single());
    }

    [Fact]
    public async Task GetMergeRequestAsync_MapsMergeUserOverMergedByAndReviewers()
    {
        Given("/api/v4/projects/5/merge_requests/4", "GET", MergedMr);

        var snapshot = GitLabMergeRequestMapper.ToSnapshot(await CreateClient().GetMergeRequestAsync(5, 4));

        Assert.Equal(MergeRequestState.Merged, snapshot.State);
        Assert.Equal("ann", snapshot.MergedBy!.Username);
        Assert.Equal(["bob"], snapshot.Reviewers.Select(r => r.Username));
        Assert.Equal(("team/app", 0), (snapshot.ProjectPath, snapshot.UserNotesCount));
        Assert.Equal("Fixes the runner", snapshot.Description);
    }

    [Fact]
    public async Task SecretLeakWrites_InternalNoteAndRedaction_SendGitLabsParameters()
    {
        Given("/api/v4/projects/5/merge_requests/4/notes", "POST", """{"id": 71, "body": "rotate", "internal": true}""", status: 201);
        Given("/api/v4/projects/5/merge_requests/4", "PUT", MergedMr);
        var client = CreateClient();

        await client.CreateMergeRequestNoteAsync(5, 4, "rotate", isInternal: true);
        await client.UpdateMergeRequestAsync(5, 4, title: null, description: "use [REDACTED]");

        using var note = System.Text.Json.JsonDocument.Parse(Server.LogEntries[0].RequestMessage.Body!);
        using var update = System.Text.Json.JsonDocument.Parse(Server.LogEntries[^1].RequestMessage.Body!);
        Assert.True(note.RootElement.GetProperty("internal").GetBoolean());
        Assert.Equal(["description"], update.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("use [REDACTED]", update.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ListMergeRequestDiffsAsync_UsesDiffsNotTheDeprecatedChanges_AndKeepsBothSidesOfARename()
    {
        Given("/api/v4/projects/5/merge_requests/4/diffs", "GET", """
            [{"old_path": "src/a.py", "new_path": "docs/a.py", "renamed_file": true, "diff": "@@"},
             {"old_path": "README.md", "new_path": "README.md", "diff": "@@"}]
            """);

        var diffs = await ListAsync(CreateClient().ListMergeRequestDiffsAsync(5, 4));

        Assert.Equal(["src/a.py", "docs/a.py", "README.md"], GitLabMergeRequestMapper.ChangedPaths(diffs));
        Assert.DoesNotContain(Server.LogEntries, e => e.RequestMessage.Path.EndsWith("/changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MergeRequestNotes_CreateEditDelete_HitTheMergeRequestNotePaths()
    {
        Given("/api/v4/projects/5/merge_requests/4/notes", "POST", """{"id": 70, "body": "hello"}""", status: 201);
        Given("/api/v4/projects/5/merge_requests/4/notes/70", "PUT", """{"id": 70, "body": "edited"}""");
        Given("/api/v4/projects/5/merge_requests/4/notes/70", "DELETE", string.Empty, status: 204);
        Given("/api/v4/projects/5/merge_requests/4/notes", "GET", """[{"id": 70, "body": "edited"}]""");
        var client = CreateClient();

        var created = Assert.IsType<NoteCreateResult.Created>(await client.CreateMergeRequestNoteAsync(5, 4, "hello"));
        await client.UpdateMergeRequestNoteAsync(5, 4, 70, "edited");
        var listed = await ListAsync(client.ListMergeRequestNotesAsync(5, 4));
        await client.DeleteMergeRequestNoteAsync(5, 4, 70);

        Assert.Equal(70, created.Note.Id);
        Assert.Equal("edited", Assert.Single(listed).Body);
        Assert.Equal(["POST", "PUT", "GET", "DELETE"], Server.LogEntries.Select(e => e.RequestMessage.Method));
    }
}

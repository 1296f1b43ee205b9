using System.Net;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

public sealed class PaginationTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string IssuesPath = "/api/v4/projects/1/issues";

    private void GivenPage(int? page, string body, params (string Name, string Value)[] headers)
    {
        var request = Request.Create().WithPath(IssuesPath).UsingGet();
        request = page is null
            ? request.WithParam("page", MatchBehaviour.RejectOnMatch)
            : request.WithParam("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = GitLabResponses.Json(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(request).RespondWith(response);
    }

    private static async Task<List<long>> IidsAsync(IAsyncEnumerable<IssueHygiene.GitLab.Dtos.GitLabIssue> issues)
    {
        var iids = new List<long>();
        await foreach (var issue in issues)
        {
            iids.Add(issue.Iid);
        }

        return iids;
    }

    private string LinkTo(string query) => $"<{Server.Url}{IssuesPath}?{query}>; rel=\"next\"";

    [Fact]
    public async Task ListProjectIssuesAsync_XNextPageOnlyWithoutXTotal_FollowsEveryPage()
    {
        GivenPage(null, GitLabResponses.Issues(1, 2), ("X-Page", "1"), ("X-Next-Page", "2"));
        GivenPage(2, GitLabResponses.Issues(3, 4), ("X-Page", "2"), ("X-Next-Page", "3"));
        GivenPage(3, GitLabResponses.Issues(5), ("X-Page", "3"), ("X-Next-Page", ""));

        var iids = await IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues));

        Assert.Equal([1L, 2, 3, 4, 5], iids);
        Assert.Equal(3, Server.LogEntries.Count);
        Assert.All(Server.LogEntries, e =>
        {
            Assert.Equal("opened", e.RequestMessage.Query!["state"].Single());
            Assert.Equal("2", e.RequestMessage.Query!["per_page"].Single());
        });
    }

    [Fact]
    public async Task ListProjectIssuesAsync_LinkHeaderOnly_FollowsNextLinks()
    {
        GivenPage(null, GitLabResponses.Issues(1, 2), ("Link", LinkTo("state=opened&per_page=2&page=2")));
        GivenPage(2, GitLabResponses.Issues(3, 4), ("Link", LinkTo("state=opened&per_page=2&page=3")));
        GivenPage(3, GitLabResponses.Issues(5), ("Link", $"<{Server.Url}{IssuesPath}?page=1>; rel=\"first\""));

        var iids = await IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues));

        Assert.Equal([1L, 2, 3, 4, 5], iids);
    }

    [Fact]
    public async Task ListProjectIssuesAsync_Keyset_AsksForKeysetAndFollowsTheCursor()
    {
        Server.Given(Request.Create().WithPath(IssuesPath).WithParam("cursor", MatchBehaviour.RejectOnMatch).UsingGet())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Issues(1, 2))
                .WithHeader("Link", LinkTo("cursor=eyJpZCI6IjIifQ&pagination=keyset&order_by=id&sort=asc&per_page=2")));
        Server.Given(Request.Create().WithPath(IssuesPath).WithParam("cursor", "eyJpZCI6IjIifQ").UsingGet())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Issues(3)));

        var iids = await IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues with { Pagination = IssuePaginationMode.Keyset }));

        Assert.Equal([1L, 2, 3], iids);
        var first = Server.LogEntries[0].RequestMessage.Query!;
        Assert.Equal("keyset", first["pagination"].Single());
        Assert.Equal("id", first["order_by"].Single());
        Assert.Equal("asc", first["sort"].Single());
    }

    [Fact]
    public async Task ListGroupIssuesAsync_KeysetRequested_StaysOffsetPaginated()
    {
        Server.Given(Request.Create().WithPath("/api/v4/groups/team/issues").UsingGet())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Issues(1)).WithHeader("X-Next-Page", ""));

        var issues = CreateClient().ListGroupIssuesAsync("team", IssueQuery.OpenIssues with { Pagination = IssuePaginationMode.Keyset });
        var iids = await IidsAsync(issues);

        Assert.Equal([1L], iids);
        Assert.False(Server.LogEntries.Single().RequestMessage.Query!.ContainsKey("pagination"));
    }

    [Fact]
    public async Task ListProjectIssuesAsync_FailingThirdPage_FailsTheEnumerationAfterRetries()
    {
        GivenPage(null, GitLabResponses.Issues(1, 2), ("X-Next-Page", "2"));
        GivenPage(2, GitLabResponses.Issues(3, 4), ("X-Next-Page", "3"));
        Server.Given(Request.Create().WithPath(IssuesPath).WithParam("page", "3").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("upstream unavailable"));
        var seen = new List<long>();

        var ex = await Assert.ThrowsAsync<GitLabApiException>(async () =>
        {
            await foreach (var issue in CreateClient(o => o with { MaxRetries = 2 }).ListProjectIssuesAsync(1, IssueQuery.OpenIssues))
            {
                seen.Add(issue.Iid);
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Contains("issues of project '1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2, 3, 4], seen);
        Assert.Equal(3, Server.LogEntries.Count(e => e.RequestMessage.Query!.TryGetValue("page", out var p) && p.Single() == "3"));
    }

    [Fact]
    public async Task ListProjectIssuesAsync_BoundedConcurrency_YieldsEveryItemInOrderWithinTheBound()
    {
        const int totalPages = 6;
        GivenPage(null, GitLabResponses.Issues(1, 2), ("X-Next-Page", "2"), ("X-Total-Pages", "6"));
        for (var page = 2; page <= totalPages; page++)
        {
            var response = GitLabResponses.Json(GitLabResponses.Issues((page * 2) - 1, page * 2))
                .WithHeader("X-Next-Page", page == totalPages ? "" : (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithHeader("X-Total-Pages", "6")
                // Earlier pages answer slower, so completion order differs from page order.
                .WithDelay(TimeSpan.FromMilliseconds(40 * (totalPages - page + 1)));
            Server.Given(Request.Create().WithPath(IssuesPath).WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(response);
        }

        using var counter = new ConcurrencyCountingHandler();
        var client = CreateClient(primaryHandler: counter);

        var iids = await IidsAsync(client.ListProjectIssuesAsync(1, IssueQuery.OpenIssues with { MaxConcurrency = 3 }));

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), iids);
        Assert.Equal(totalPages, Server.LogEntries.Count);
        Assert.InRange(counter.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task ListProjectIssuesAsync_FullPageWithoutPaginationHeaders_ThrowsRatherThanGuess()
    {
        GivenPage(null, GitLabResponses.Issues(1, 2));

        var ex = await Assert.ThrowsAsync<GitLabInvalidResponseException>(() => IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues)));

        Assert.Contains("without pagination headers", ex.Message, StringComparison.Ordinal);
        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task ListProjectIssuesAsync_ShortPageWithoutPaginationHeaders_IsTheLastPage()
    {
        GivenPage(null, GitLabResponses.Issues(1));

        Assert.Equal([1L], await IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues)));
    }

    [Fact]
    public async Task ListProjectIssuesAsync_NextLinkToTheSamePage_ThrowsInsteadOfLooping()
    {
        Server.Given(Request.Create().WithPath(IssuesPath).UsingGet())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Issues(1, 2)).WithHeader("X-Next-Page", "1").WithHeader("X-Page", "1"));

        var ex = await Assert.ThrowsAsync<GitLabInvalidResponseException>(() =>
            IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues)));

        Assert.Contains("page just read", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, Server.LogEntries.Count);
    }

    [Theory]
    [InlineData("X-Next-Page", "next")]
    [InlineData("Link", "<https://elsewhere.example/api/v4/projects/1/issues?page=2>; rel=\"next\"")]
    public async Task ListProjectIssuesAsync_UnusablePaginationHeader_ThrowsInvalidResponse(string header, string value)
    {
        GivenPage(null, GitLabResponses.Issues(1, 2), (header, value));

        var ex = await Assert.ThrowsAsync<GitLabInvalidResponseException>(() => IidsAsync(CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues)));

        Assert.Contains(header == "Link" ? "refusing" : "X-Next-Page", ex.Message, StringComparison.Ordinal);
        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task ListProjectIssuesAsync_Filters_AreSentAsGitLabParameters()
    {
        GivenPage(null, "[]", ("X-Next-Page", ""));
        var query = new IssueQuery
        {
            State = IssueStateFilter.All,
            Labels = ["flow::Doing", "Bug"],
            UpdatedAfter = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
        };

        var iids = await IidsAsync(CreateClient().ListProjectIssuesAsync(1, query));

        Assert.Empty(iids);
        var request = Server.LogEntries.Single().RequestMessage;
        Assert.Equal("all", request.Query!["state"].Single());
        Assert.Equal("flow::Doing,Bug", request.Query!["labels"].Single());
        Assert.Equal("2026-01-02T02:04:05.000Z", request.Query!["updated_after"].Single());
    }

    /// <summary>Counts requests in flight at the network boundary.</summary>
    private sealed class ConcurrencyCountingHandler : DelegatingHandler
    {
        private int _inFlight;
        private int _maxInFlight;

        public ConcurrencyCountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Http;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>5xx, timeouts and network failures: retried with backoff for idempotent calls only.</summary>
public sealed class RetryTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private void GivenFailuresThen(string path, int failures, IResponseBuilder failure, IResponseBuilder success)
    {
        for (var i = 0; i < failures; i++)
        {
            var mapping = Server.Given(Request.Create().WithPath(path)).InScenario(path);
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"failed {i}");
            mapping.WillSetStateTo($"failed {i + 1}").RespondWith(failure);
        }

        Server.Given(Request.Create().WithPath(path)).InScenario(path).WhenStateIs($"failed {failures}").RespondWith(success);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task GetIssueAsync_TransientServerErrors_AreRetriedUntilSuccess(int status)
    {
        GivenFailuresThen("/api/v4/projects/1/issues/5", 2, Response.Create().WithStatusCode(status), GitLabResponses.Json(GitLabResponses.Issue(5)));

        var issue = await CreateClient(o => o with { MaxRetries = 2 }).GetIssueAsync(1, 5);

        Assert.Equal(5, issue.Iid);
        var statistics = Statistics.Snapshot();
        Assert.Equal(2, statistics.CountOf("GET /projects/:id/issues/:iid", status));
        Assert.Equal(1, statistics.CountOf("GET /projects/:id/issues/:iid", 200));
    }

    [Fact]
    public async Task UpdateIssueAsync_ServerErrorOnce_IsRetriedAsIdempotentPut()
    {
        GivenFailuresThen("/api/v4/projects/1/issues/5", 1, Response.Create().WithStatusCode(500), GitLabResponses.Json(GitLabResponses.Issue(5)));

        var issue = await CreateClient().UpdateIssueAsync(1, 5, new IssueUpdate { AddLabels = ["Bug"] });

        Assert.Equal(5, issue.Iid);
        Assert.Equal(2, Server.LogEntries.Count);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_ServerError_IsNeverRetried()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues/5/notes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("{\"message\":\"500 Internal Server Error\"}"));

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => CreateClient(o => o with { MaxRetries = 3 }).CreateIssueNoteAsync(1, 5, "lint"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task CreateProjectLabelAsync_ServerError_IsNeverRetried()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/labels").UsingPost()).RespondWith(Response.Create().WithStatusCode(502));

        await Assert.ThrowsAsync<GitLabApiException>(() => CreateClient().CreateProjectLabelAsync(1, new LabelCreate("flow::Triage", "#428BCA")));

        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task GetIssueAsync_FirstAttemptTimesOut_IsRetried()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues/5")).RespondWith(GitLabResponses.Json(GitLabResponses.Issue(5)));
        using var network = new StallingHandler(stalledAttempts: 1);

        // Long enough for a loaded machine to answer the retry; the stalled attempt costs exactly this.
        var issue = await CreateClient(o => o with { Timeout = TimeSpan.FromSeconds(1) }, network).GetIssueAsync(1, 5);

        Assert.Equal(5, issue.Iid);
        // Normally 2 attempts; a very loaded machine may time out the second too (MaxRetries allows a third).
        Assert.InRange(network.Requests, 2, 3);
        Assert.Equal(network.Requests - 1, Statistics.Snapshot().CountOf("GET /projects/:id/issues/:iid", 0));
        Assert.Equal(1, Statistics.Snapshot().CountOf("GET /projects/:id/issues/:iid", 200));
    }

    [Fact]
    public async Task CreateIssueNoteAsync_Timeout_FailsWithoutRetry()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues/5/notes").UsingPost())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Note(1, "x"), 201));
        using var network = new StallingHandler(stalledAttempts: 1);

        var ex = await Assert.ThrowsAsync<GitLabTransportException>(() =>
            CreateClient(o => o with { Timeout = TimeSpan.FromMilliseconds(200) }, network).CreateIssueNoteAsync(1, 5, "lint"));

        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.Contains("issue 1#5", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, network.Requests);
        Assert.Empty(Server.LogEntries);
    }

    [Fact]
    public async Task GetCurrentUserAsync_NobodyListening_FailsWithTransportErrorAfterRetries()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Options(o => o with { BaseUrl = $"http://127.0.0.1:{port}", MaxRetries = 2 });
        using var client = GitLabClient.Create(options, new GitLabRateLimiter(options, TimeProvider.System), Statistics, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<GitLabTransportException>(() => client.GetCurrentUserAsync());

        Assert.Contains("GET /user", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, Statistics.Snapshot().CountOf("GET /user", 0));
    }
}

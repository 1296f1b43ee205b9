using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

public sealed class HeadersAndStatisticsTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string EventUuid = "9cebe914-4827-408f-b014-cfa23a47a35f";

    private void GivenUser() =>
        Server.Given(Request.Create().WithPath("/api/v4/user")).RespondWith(GitLabResponses.Json("""{"id": 7, "username": "bot"}"""));

    private string? EchoedUuid(int request) =>
        Server.LogEntries[request].RequestMessage.Headers!.TryGetValue("X-Gitlab-Event-UUID", out var values) ? values.Single() : null;

    [Fact]
    public async Task AnyCall_SendsPrivateTokenAndAcceptsJson()
    {
        GivenUser();

        await CreateClient().GetCurrentUserAsync();

        var headers = Server.LogEntries.Single().RequestMessage.Headers!;
        Assert.Equal(Token, headers["PRIVATE-TOKEN"].Single());
        Assert.Contains("application/json", headers["Accept"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EchoEventUuid_InsideTheScope_SendsTheHeaderAndOnlyThere()
    {
        GivenUser();
        var client = CreateClient();

        await client.GetCurrentUserAsync();
        using (client.EchoEventUuid(EventUuid))
        {
            await client.GetCurrentUserAsync();
            await Task.Run(() => client.GetCurrentUserAsync());
        }

        await client.GetCurrentUserAsync();

        Assert.Equal([null, EventUuid, EventUuid, null], Enumerable.Range(0, 4).Select(EchoedUuid));
    }

    [Fact]
    public async Task EchoEventUuid_NestedScopes_RestoreTheOuterValue()
    {
        GivenUser();
        var client = CreateClient();

        using (client.EchoEventUuid("outer-1"))
        {
            using (client.EchoEventUuid("inner-2"))
            {
                await client.GetCurrentUserAsync();
            }

            await client.GetCurrentUserAsync();
        }

        Assert.Equal(["inner-2", "outer-1"], Enumerable.Range(0, 2).Select(EchoedUuid));
    }

    [Fact]
    public async Task EchoEventUuid_ConcurrentDeliveries_EachSeesItsOwnUuid()
    {
        GivenUser();
        var client = CreateClient();

        async Task HandleDelivery(string uuid)
        {
            using var scope = client.EchoEventUuid(uuid);
            await Task.Yield();
            await client.GetCurrentUserAsync();
        }

        await Task.WhenAll(HandleDelivery("aaaa-1"), HandleDelivery("bbbb-2"));

        Assert.Equal(["aaaa-1", "bbbb-2"], Enumerable.Range(0, 2).Select(EchoedUuid).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("not a uuid")]
    public void EchoEventUuid_UnsafeValue_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => CreateClient().EchoEventUuid(value));
    }

    [Fact]
    public async Task Statistics_CountCallsByEndpointTemplateAndStatus()
    {
        GivenUser();
        Server.Given(Request.Create().WithPath("/api/v4/projects/*/issues/*")).RespondWith(GitLabResponses.Json("""{"message": "404 Not found"}""", 404));
        var client = CreateClient();

        await client.GetCurrentUserAsync();
        await client.GetCurrentUserAsync();
        await Assert.ThrowsAsync<Errors.GitLabNotFoundException>(() => client.GetIssueAsync(1, 2));
        await Assert.ThrowsAsync<Errors.GitLabNotFoundException>(() => client.GetIssueAsync("a/b", 3));

        var snapshot = Statistics.Snapshot();
        Assert.Equal(2, snapshot.CountOf("GET /user", 200));
        Assert.Equal(2, snapshot.CountOf("GET /projects/:id/issues/:iid", 404));
        Assert.Equal(4, snapshot.TotalCalls);
        Assert.Equal(["GET /projects/:id/issues/:iid", "GET /user"], snapshot.Calls.Select(c => c.Endpoint));
    }
}

using IssueHygiene.GitLab.DependencyInjection;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Http;
using IssueHygiene.GitLab.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>The DI registration behaves like <see cref="GitLabClient.Create"/>: same handlers, shared singletons.</summary>
public sealed class DependencyInjectionTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private ServiceProvider BuildProvider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = Server.Url,
            ["GitLab:Token"] = Token,
            ["GitLab:RetryBaseDelay"] = "00:00:00.001",
        }).Build();
        return new ServiceCollection().AddLogging().AddGitLabClient(configuration.GetSection("GitLab")).BuildServiceProvider();
    }

    [Fact]
    public async Task AddGitLabClient_ServerErrorThenSuccess_RetriesAndCountsEachAttempt()
    {
        const string path = "/api/v4/user";
        Server.Given(Request.Create().WithPath(path)).InScenario("flaky").WillSetStateTo("recovered").RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath(path)).InScenario("flaky").WhenStateIs("recovered").RespondWith(GitLabResponses.Json("""{"id": 7, "username": "bot"}"""));
        using var provider = BuildProvider();

        var user = await provider.GetRequiredService<IGitLabClient>().GetCurrentUserAsync();

        Assert.Equal("bot", user.Username);
        var statistics = provider.GetRequiredService<GitLabCallStatistics>().Snapshot();
        Assert.Equal(1, statistics.CountOf("GET /user", 503));
        Assert.Equal(1, statistics.CountOf("GET /user", 200));
        Assert.Equal(Token, Server.LogEntries[0].RequestMessage.Headers!["PRIVATE-TOKEN"].Single());
    }

    [Fact]
    public void AddGitLabClient_LimiterAndStatistics_AreSharedByEveryClient()
    {
        using var provider = BuildProvider();

        Assert.Same(provider.GetRequiredService<GitLabRateLimiter>(), provider.GetRequiredService<GitLabRateLimiter>());
        Assert.Same(provider.GetRequiredService<GitLabCallStatistics>(), provider.GetRequiredService<GitLabCallStatistics>());
        Assert.NotSame(provider.GetRequiredService<IGitLabClient>(), provider.GetRequiredService<IGitLabClient>());
    }
}

using System.Globalization;
using System.Net;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>429 handling and pacing, on a fake clock: no test sleeps for GitLab's waits.</summary>
public sealed class RateLimitTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string UserPath = "/api/v4/user";
    private const string UserJson = """{"id": 7, "username": "hygiene-bot"}""";

    private void GivenRateLimitedOnce(string path, IResponseBuilder rateLimited, IResponseBuilder then)
    {
        Server.Given(Request.Create().WithPath(path)).InScenario(path).WillSetStateTo("served 429").RespondWith(rateLimited);
        Server.Given(Request.Create().WithPath(path)).InScenario(path).WhenStateIs("served 429").RespondWith(then);
    }

    public static TheoryData<string, string?, double> RateLimitHeaders()
    {
        var epoch = FakeStart.ToUnixTimeSeconds();
        return new TheoryData<string, string?, double>
        {
            // header, value, expected pause in seconds (cap 60, default 10)
            { "Retry-After", "7", 7 },
            { "RateLimit-Reset", (epoch + 20).ToString(CultureInfo.InvariantCulture), 20 },
            { "RateLimit-Reset", "-5", 10 },
            { "RateLimit-Reset", (epoch - 100).ToString(CultureInfo.InvariantCulture), 10 },
            { "RateLimit-Reset", null, 10 },
            { "Retry-After", "3600", 60 },
        };
    }

    [Theory]
    [MemberData(nameof(RateLimitHeaders))]
    public async Task GetCurrentUserAsync_429_PausesEveryCallerForTheSaneCappedWaitThenRetries(string header, string? value, double expectedSeconds)
    {
        var rateLimited = Response.Create().WithStatusCode(429).WithBody("Retry later");
        if (value is not null)
        {
            rateLimited = rateLimited.WithHeader(header, value);
        }

        GivenRateLimitedOnce(UserPath, rateLimited, GitLabResponses.Json(UserJson));
        var time = new FakeTimeProvider(FakeStart);
        var client = CreateFakeTimeClient(time);

        var call = client.GetCurrentUserAsync();
        await Eventually.AssertAsync(() => RateLimiter!.WaitingCallers == 1, TimeSpan.FromSeconds(10), "the retry waits out the 429's pause");

        Assert.Equal(FakeStart.AddSeconds(expectedSeconds), RateLimiter!.PausedUntil);
        Assert.False(call.IsCompleted);
        Assert.Single(Server.LogEntries);

        time.Advance(TimeSpan.FromSeconds(expectedSeconds));

        Assert.Equal("hygiene-bot", (await call).Username);
        Assert.Equal(2, Server.LogEntries.Count);
        var statistics = Statistics.Snapshot();
        Assert.Equal(1, statistics.CountOf("GET /user", 429));
        Assert.Equal(1, statistics.CountOf("GET /user", 200));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), statistics.RateLimitWait);
        Assert.Equal(1, statistics.RateLimitedResponses);
    }

    [Fact]
    public async Task GetIssueAsync_AfterAnotherCallersRateLimit_WaitsTooWithoutTouchingGitLab()
    {
        GivenRateLimitedOnce(UserPath, Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"), GitLabResponses.Json(UserJson));
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues/5")).RespondWith(GitLabResponses.Json(GitLabResponses.Issue(5)));
        var time = new FakeTimeProvider(FakeStart);
        var client = CreateFakeTimeClient(time);

        var first = client.GetCurrentUserAsync();
        await Eventually.AssertAsync(() => RateLimiter!.WaitingCallers == 1, TimeSpan.FromSeconds(10), "the retry waits out the 429's pause");
        var second = client.GetIssueAsync(1, 5);
        await Eventually.AssertAsync(() => RateLimiter!.WaitingCallers == 2, TimeSpan.FromSeconds(10), "the other caller waits too");

        Assert.False(second.IsCompleted);
        Assert.DoesNotContain(Server.LogEntries, e => e.RequestMessage.Path.EndsWith("/issues/5", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(5, (await second).Iid);
        Assert.Equal(7, (await first).Id);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_429_IsRetriedBecauseGitLabDidNotProcessIt()
    {
        const string notesPath = "/api/v4/projects/1/issues/5/notes";
        GivenRateLimitedOnce(notesPath, Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2"),
            GitLabResponses.Json(GitLabResponses.Note(77, "hello"), 201));
        var time = new FakeTimeProvider(FakeStart);
        var client = CreateFakeTimeClient(time);

        var call = client.CreateIssueNoteAsync(1, 5, "hello");
        await Eventually.AssertAsync(() => RateLimiter!.WaitingCallers == 1, TimeSpan.FromSeconds(10), "the retry waits out the 429's pause");
        Assert.Equal(FakeStart.AddSeconds(2), RateLimiter!.PausedUntil);
        time.Advance(TimeSpan.FromSeconds(2));

        var created = Assert.IsType<NoteCreateResult.Created>(await call);
        Assert.Equal(77, created.Note.Id);
        Assert.Equal(2, Server.LogEntries.Count);
    }

    [Fact]
    public async Task GetCurrentUserAsync_429EveryTime_GivesUpWithRateLimitError()
    {
        Server.Given(Request.Create().WithPath(UserPath)).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        var time = new FakeTimeProvider(FakeStart);
        var client = CreateFakeTimeClient(time, o => o with { MaxRateLimitRetries = 2 });

        var call = client.GetCurrentUserAsync();
        while (!call.IsCompleted)
        {
            // Advance the clock only once the retry is parked on its timer (or everything is over).
            await Eventually.AssertAsync(() => call.IsCompleted || RateLimiter!.WaitingCallers == 1, TimeSpan.FromSeconds(10), "the next retry waits");
            if (!call.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(3, Server.LogEntries.Count);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_ThreeNotesAtSixtyPerMinute_ArePacedOnePerSecond()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues/*/notes").UsingPost())
            .RespondWith(GitLabResponses.Json(GitLabResponses.Note(1, "x"), 201));
        var time = new FakeTimeProvider(FakeStart);
        var client = CreateFakeTimeClient(time, o => o with { NotesPerMinute = 60 });

        var notes = Enumerable.Range(1, 3).Select(iid => client.CreateIssueNoteAsync(1, iid, "lint")).ToList();
        await Eventually.AssertAsync(() => Server.LogEntries.Count == 1, TimeSpan.FromSeconds(10), "the first note goes out at once");
        await Eventually.AssertAsync(() => RateLimiter!.WaitingCallers == 2, TimeSpan.FromSeconds(10), "the other two notes wait for their slots");
        Assert.Single(Server.LogEntries);

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.AssertAsync(() => Server.LogEntries.Count == 2, TimeSpan.FromSeconds(10), "the second note after one second");
        Assert.Equal(1, RateLimiter!.WaitingCallers);
        Assert.Equal(2, Server.LogEntries.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(notes);
        Assert.Equal(3, Server.LogEntries.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), Statistics.Snapshot().RateLimitWait);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Rate limits, latency, faults and the request log.</summary>
public sealed class KnobTests
{
    [Fact]
    public async Task RateLimit_OverTheLimit_Returns429WithRetryAfterAndRateLimitHeaders()
    {
        var clock = new FakeTimeProvider(TestSimulator.Now.AddSeconds(15));
        await using var sim = await TestSimulator.StartAsync(clock: clock, knobs: new SimulatorKnobsSettings { RequestsPerMinute = 3 });
        using var client = sim.CreateClient();

        var responses = new List<ApiResponse>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.GetApiAsync("api/v4/user"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.Status));
        Assert.Equal(["2", "1", "0", "0"], responses.Select(r => r.Header("RateLimit-Remaining")));
        Assert.Equal(["1", "2", "3", "4"], responses.Select(r => r.Header("RateLimit-Observed")));
        Assert.All(responses, r => Assert.Equal("3", r.Header("RateLimit-Limit")));
        var limited = responses[^1];
        Assert.Equal("45", limited.Header("Retry-After"));
        Assert.Equal(TestSimulator.Now.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), limited.Header("RateLimit-Reset"));
        Assert.Null(responses[0].Header("Retry-After"));

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(HttpStatusCode.OK, (await client.GetApiAsync("api/v4/user")).Status);
    }

    [Fact]
    public async Task RateLimit_IsPerToken()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { RequestsPerMinute = 1 });
        using var admin = sim.CreateClient();
        using var bot = sim.CreateClient(sim.BotToken);

        await admin.GetApiAsync("api/v4/user");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await admin.GetApiAsync("api/v4/user")).Status);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetApiAsync("api/v4/user")).Status);
    }

    [Fact]
    public async Task NotesPerMinute_ThirdNoteInAMinute_Returns429ButReadsStillWork()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { NotesPerMinute = 2 });
        using var client = sim.CreateClient();
        var iid = await client.CreateIssueAsync(sim.ProjectId());
        var path = $"api/v4/projects/{sim.ProjectId()}/issues/{iid}/notes";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostApiAsync(path, new { body = $"note {i}" })).Status);
        }

        var fourth = await client.PostApiAsync(path, new { body = "again" });
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(fourth.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetApiAsync(path)).Status);
        Assert.Equal(2, sim.State.Notes(sim.ProjectId(), iid).Count);
    }

    [Fact]
    public async Task NoRateLimit_SendsNoRateLimitHeaders()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.CreateClient();

        var response = await client.GetApiAsync("api/v4/user");

        Assert.Null(response.Header("RateLimit-Limit"));
    }

    [Fact]
    public async Task Faults_SameSeed_SameSequence_DifferentSeed_DifferentSequence()
    {
        var knobs = new SimulatorKnobsSettings { FaultRate = 0.5, FaultKinds = FaultKinds.ServerErrors };

        var first = await StatusesAsync(seed: 7, knobs);
        var again = await StatusesAsync(seed: 7, knobs);
        var other = await StatusesAsync(seed: 8, knobs);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(first, s => s is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(int seed, SimulatorKnobsSettings knobs)
    {
        await using var sim = await TestSimulator.StartAsync(seed: seed, knobs: knobs);
        using var client = sim.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetApiAsync("api/v4/user")).Status);
        }

        return statuses;
    }

    [Fact]
    public async Task Faults_DropConnection_ClientSeesAnIOError()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { FaultRate = 1, FaultKinds = FaultKinds.DropConnection });
        using var client = sim.CreateClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetApiAsync("api/v4/user"));
        Assert.Equal(0, sim.RequestLog.Entries.Single().Status);
    }

    [Fact]
    public async Task Faults_Hang_OutlastsTheClientTimeout()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { FaultRate = 1, FaultKinds = FaultKinds.Hang, HangDuration = TimeSpan.FromSeconds(20) });
        using var client = sim.CreateClient();
        client.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetApiAsync("api/v4/user"));
    }

    [Fact]
    public async Task Faults_SwitchedOffAtRunTime_RequestsSucceedAgain()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { FaultRate = 1, FaultKinds = FaultKinds.ServiceUnavailable });
        using var client = sim.CreateClient();

        var faulty = await client.GetApiAsync("api/v4/user");
        sim.Knobs.FaultRate = 0;
        var healthy = await client.GetApiAsync("api/v4/user");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulty.Status);
        Assert.Equal(HttpStatusCode.OK, healthy.Status);
    }

    [Fact]
    public async Task Latency_IsAddedToEveryRequest()
    {
        await using var sim = await TestSimulator.StartAsync(knobs: new SimulatorKnobsSettings { Latency = TimeSpan.FromMilliseconds(250) });
        using var client = sim.CreateClient();
        await client.GetApiAsync("api/v4/version");

        var watch = Stopwatch.StartNew();
        await client.GetApiAsync("api/v4/user");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task RequestLog_RecordsEveryApiRequestAndIsServedAsJson()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.CreateClient();
        using var anonymous = new HttpClient { BaseAddress = new Uri(sim.BaseUrl + "/") };
        await client.GetApiAsync($"api/v4/projects/{sim.ProjectId()}/issues?state=opened");
        await anonymous.GetApiAsync("api/v4/user");

        var served = await anonymous.GetApiAsync("_simulator/requests");

        Assert.Equal(
            [new RequestLogEntry("GET", $"/api/v4/projects/{sim.ProjectId()}/issues", 200, "?state=opened"), new RequestLogEntry("GET", "/api/v4/user", 401, "")],
            sim.RequestLog.Entries);
        Assert.Equal(2, served.Array.Count);
        Assert.Equal("GET", served.Array[0]!["method"]!.GetValue<string>());
        Assert.Equal($"/api/v4/projects/{sim.ProjectId()}/issues", served.Array[0]!["path"]!.GetValue<string>());
        Assert.Equal(401, served.Array[1]!["status"]!.GetValue<int>());
    }
}

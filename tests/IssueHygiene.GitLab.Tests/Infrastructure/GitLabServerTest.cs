using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Http;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;

namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>Base of the WireMock test classes: a clean server per test and clients wired like production.</summary>
public abstract class GitLabServerTest : IClassFixture<WireMockFixture>, IDisposable
{
    public const string Token = "glpat-TEST-s3cr3t-TOKEN-0123";

    private readonly List<IDisposable> _disposables = [];

    protected GitLabServerTest(WireMockFixture fixture)
    {
        Server = fixture.Server;
        Server.Reset();
    }

    protected WireMockServer Server { get; }

    protected GitLabCallStatistics Statistics { get; } = new();

    protected GitLabRateLimiter? RateLimiter { get; private set; }

    /// <summary>The 2026-01-01T00:00:00Z fake clock used by <see cref="CreateFakeTimeClient"/>.</summary>
    protected static DateTimeOffset FakeStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected GitLabOptions Options(Func<GitLabOptions, GitLabOptions>? configure = null)
    {
        var options = new GitLabOptions
        {
            BaseUrl = Server.Url!,
            Token = Token,
            PerPage = 2,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Timeout = TimeSpan.FromSeconds(10),
        };
        return configure is null ? options : configure(options);
    }

    /// <summary>A client on the real clock (retries with millisecond backoff).</summary>
    protected GitLabClient CreateClient(Func<GitLabOptions, GitLabOptions>? configure = null, HttpMessageHandler? primaryHandler = null) =>
        Create(Options(configure), TimeProvider.System, primaryHandler);

    /// <summary>A client on a fake clock (no attempt timeout, so only the test moves time).</summary>
    protected GitLabClient CreateFakeTimeClient(FakeTimeProvider time, Func<GitLabOptions, GitLabOptions>? configure = null)
    {
        var options = Options(o => o with { Timeout = Timeout.InfiniteTimeSpan });
        return Create(configure is null ? options : configure(options), time, primaryHandler: null);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private GitLabClient Create(GitLabOptions options, TimeProvider time, HttpMessageHandler? primaryHandler)
    {
        RateLimiter = new GitLabRateLimiter(options, time);
        var client = GitLabClient.Create(options, RateLimiter, Statistics, time, primaryHandler: primaryHandler);
        _disposables.Add(client);
        return client;
    }
}

using System.Net;
using IssueHygiene.GitLab.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.GitLab.Http;

/// <summary>
/// The innermost GitLab handler, run once per attempt (below the retry strategy): waits for the shared
/// rate limiter, counts the call, turns a 429 into a pause for every caller, and reads the whole body
/// inside the attempt (as a <see cref="BufferedBody"/>) so the attempt timeout also covers a body that stalls.
/// </summary>
internal sealed class GitLabTransportHandler : DelegatingHandler
{
    // Issue descriptions may hold 1 MiB and a page holds 100 issues.
    private const long MaxBodyBytes = 256L * 1024 * 1024;

    private readonly GitLabRateLimiter _rateLimiter;
    private readonly GitLabCallStatistics _statistics;
    private readonly GitLabOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public GitLabTransportHandler(
        GitLabRateLimiter rateLimiter,
        GitLabCallStatistics statistics,
        GitLabOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _rateLimiter = rateLimiter;
        _statistics = statistics;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.Options.TryGetValue(GitLabRequestOptions.Endpoint, out var template)
            ? template
            : $"{request.Method} {request.RequestUri?.AbsolutePath}";
        var noteCreation = request.Options.TryGetValue(GitLabRequestOptions.NoteCreation, out var isNote) && isNote;

        var waited = noteCreation
            ? await _rateLimiter.AcquireNoteCreationAsync(cancellationToken)
            : await _rateLimiter.AcquireRequestAsync(cancellationToken);
        _statistics.RecordRateLimitWait(waited);

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            response.Content = await BufferedBody.ReadAsync(response.Content, MaxBodyBytes, cancellationToken);
        }
        catch
        {
            response?.Dispose();
            _statistics.RecordCall(endpoint, 0);
            throw;
        }

        _statistics.RecordCall(endpoint, (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var now = _timeProvider.GetUtcNow();
            var wait = RateLimitWait.FromHeaders(response.Headers, now, _options.MaxRetryAfter, _options.DefaultRateLimitWait);
            _rateLimiter.PauseUntil(now + wait.Wait);
            GitLabLog.RateLimited(_logger, endpoint, wait.Wait, wait.Source);
        }

        return response;
    }
}

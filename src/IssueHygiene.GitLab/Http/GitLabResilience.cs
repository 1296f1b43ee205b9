using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace IssueHygiene.GitLab.Http;

/// <summary>
/// The retry and timeout strategies of every GitLab call, shared by the DI registration and
/// <see cref="GitLabClient.Create"/> so both behave the same.
/// </summary>
internal static class GitLabResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GitLabOptions options, ILogger logger)
    {
        var maxRetries = Math.Max(options.MaxRetries, options.MaxRateLimitRetries);
        if (maxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                // Our own predicate and delays: Retry-After is handled by the shared limiter, not per caller.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, options)),
                // A 429 already paused the shared limiter for GitLab's wait; retrying at once queues behind it.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var endpoint = request is not null && request.Options.TryGetValue(GitLabRequestOptions.Endpoint, out var e)
                        ? e
                        : "GitLab call";
                    var outcome = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "failure";
                    GitLabLog.Retrying(logger, endpoint, outcome, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
        }
    }

    /// <summary>
    /// 429: always retried (GitLab did not process the request). 5xx, timeouts and network failures: only
    /// for idempotent methods — a POST (a note!) may have been applied, so its caller re-checks instead.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, GitLabOptions options)
    {
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return attemptNumber < options.MaxRateLimitRetries;
            }

            return (int)response.StatusCode >= 500 && IsIdempotent(context) && attemptNumber < options.MaxRetries;
        }

        return outcome.Exception is TimeoutRejectedException or HttpRequestException or IOException
            && IsIdempotent(context)
            && attemptNumber < options.MaxRetries;
    }

    private static bool IsIdempotent(ResilienceContext context)
    {
        var method = context.GetRequestMessage()?.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
    }
}

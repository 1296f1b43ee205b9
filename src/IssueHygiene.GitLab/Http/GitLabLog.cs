using Microsoft.Extensions.Logging;

namespace IssueHygiene.GitLab.Http;

/// <summary>The GitLab client's log messages (structured; never a token).</summary>
internal static partial class GitLabLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "GitLab rate-limited {Endpoint}: every caller waits {Wait} (from {Source})")]
    public static partial void RateLimited(ILogger logger, string endpoint, TimeSpan wait, string source);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Retrying {Endpoint} after {Outcome} (retry {Attempt}) in {Delay}")]
    public static partial void Retrying(ILogger logger, string endpoint, string outcome, int attempt, TimeSpan delay);

}

namespace IssueHygiene.GitLabSimulator.Hosting;

internal sealed record RateLimitDecision(bool Allowed, int Limit, int Observed, int Remaining, DateTimeOffset Reset, int RetryAfterSeconds);

using IssueHygiene.GitLab;

namespace IssueHygiene.Health;

/// <summary>
/// Whether GitLab answers with a valid token, for <c>/status</c> and the <c>issuehygiene_gitlab_up</c> metric (not for
/// readiness: see <see cref="ReadinessProbe"/>). The answer is cached briefly so that scrapes and status pages every few
/// seconds do not become API traffic.
/// </summary>
public sealed class GitLabReachability(IGitLabClient gitLab, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ReadinessCheck Check)? _last;

    public async Task<ReadinessCheck> CheckAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } cached && now - cached.At < CacheFor)
            {
                return cached.Check;
            }

            ReadinessCheck check;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var user = await gitLab.GetCurrentUserAsync(timeout.Token);
                check = new ReadinessCheck("gitlab", true, $"token of user {user.Username}");
            }
            catch (Exception e) when (e is GitLab.Errors.GitLabException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                check = new ReadinessCheck("gitlab", false, e.Message);
            }

            _last = (now, check);
            return check;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

using IssueHygiene.Core.Policy;
using IssueHygiene.GitLab;
using IssueHygiene.Storage;

namespace IssueHygiene.Health;

/// <summary>One readiness check's result.</summary>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);

/// <summary>
/// <c>GET /readyz</c>: the store answers, the rules are loaded, and GitLab answers with a valid token. GitLab's answer
/// is cached briefly so a probe every few seconds does not become API traffic.
/// </summary>
public sealed class ReadinessProbe(IHygieneStore store, RuleSet rules, IGitLabClient gitLab, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan GitLabCacheFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ReadinessCheck Check)? _gitLab;

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ReadinessCheck>();
        try
        {
            var counts = await store.Deliveries.GetCountsAsync(cancellationToken);
            checks.Add(new ReadinessCheck("store", true, $"{store.Description}; queue depth {counts.Depth}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            checks.Add(new ReadinessCheck("store", false, e.Message));
        }

        checks.Add(new ReadinessCheck("rules", rules.Rules.Count > 0, $"{rules.Rules.Count} rules from {System.IO.Path.GetFileName(rules.Source)}"));
        checks.Add(await CheckGitLabAsync(cancellationToken));
        return checks;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<ReadinessCheck> CheckGitLabAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_gitLab is { } cached && now - cached.At < GitLabCacheFor)
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

            _gitLab = (now, check);
            return check;
        }
        finally
        {
            _gate.Release();
        }
    }
}

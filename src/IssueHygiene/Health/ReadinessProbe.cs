using IssueHygiene.Core.Policy;
using IssueHygiene.Storage;

namespace IssueHygiene.Health;

/// <summary>One readiness check's result.</summary>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);

/// <summary>
/// <c>GET /readyz</c>: can this replica accept and keep a delivery? The store answers and the rules are loaded —
/// nothing more. GitLab is deliberately not asked: while GitLab is down, deliveries are still stored and processed
/// when it is back, whereas a replica reported unready is taken out of the Service, GitLab's deliveries then fail, and
/// GitLab disables the hook after four failures and never resends. GitLab's reachability is reported by
/// <c>/status</c>, <c>/metrics</c> (<c>issuehygiene_gitlab_up</c>) and <c>doctor</c> (<see cref="GitLabReachability"/>).
/// </summary>
public sealed class ReadinessProbe(IHygieneStore store, RuleSet rules)
{
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
        return checks;
    }
}

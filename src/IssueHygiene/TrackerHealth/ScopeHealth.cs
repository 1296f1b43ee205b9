using IssueHygiene.Core.Reporting;
using IssueHygiene.Storage.Health;
using IssueHygiene.Sweeping;

namespace IssueHygiene.TrackerHealth;

/// <summary>What one scope's sweep has seen so far, for its history entry and its summary issue.</summary>
public sealed class ScopeHealth(SweepScope scope, DateTimeOffset startedAt, bool dryRun)
{
    public SweepScope Scope => scope;

    public DateTimeOffset StartedAt => startedAt;

    /// <summary>This scope's own totals (the sweep's report covers all scopes); keeps no issue entries.</summary>
    public HygieneReport Report { get; } = new() { DryRun = dryRun, KeepIssues = false, Scopes = [scope.Key] };

    /// <summary>Projects whose issues were seen (whose unseen findings a full sweep clears).</summary>
    public HashSet<long> Projects { get; } = [];

    /// <summary>Issues whose current findings are not stored yet.</summary>
    public List<IssueFindings> Pending { get; } = [];

    /// <summary>Findings that appeared and went, issue by issue.</summary>
    public FindingChanges Changes { get; set; }
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>
/// Evaluates merge requests against the "Code review" rules, in two steps so the caller pays for data only when a
/// rule needs it: <see cref="Needs"/> (from the MR alone), then <see cref="Evaluate"/> with what was fetched.
/// Closed (unmerged) MRs and MRs with the exemption label are skipped; open MRs get the grace period, like issues.
/// </summary>
public sealed class MergeRequestEvaluator
{
    private readonly IReadOnlyList<MergeRequestRule> _rules;

    public MergeRequestEvaluator(RuleSet rules)
    {
        Rules = rules;
        _rules = RuleCatalog.CreateMergeRequestRules(rules);
    }

    public RuleSet Rules { get; }

    /// <summary>True when at least one merge-request rule is enabled (else MRs need not even be listed).</summary>
    public bool AnyRuleEnabled => _rules.Count > 0;

    /// <summary>What must be fetched before evaluating; <see cref="MergeRequestNeeds.None"/> when skipped or nothing applies.</summary>
    public MergeRequestNeeds Needs(MergeRequestSnapshot mergeRequest, DateTimeOffset now) =>
        Skip(mergeRequest, now) is not null
            ? MergeRequestNeeds.None
            : _rules.Aggregate(MergeRequestNeeds.None, (needs, rule) => needs | rule.Needs(mergeRequest));

    public MergeRequestVerdict Evaluate(MergeRequestFacts facts, DateTimeOffset now, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.None;
        var mergeRequest = facts.MergeRequest;
        if (Skip(mergeRequest, now) is { } status)
        {
            return new MergeRequestVerdict { MergeRequest = mergeRequest, Status = status, Replies = options.Replies };
        }

        var waived = options.Waivers.Select(w => w.RuleId).ToHashSet(StringComparer.Ordinal);
        var all = _rules.SelectMany(r => r.Check(facts)).ToList();
        var kept = all.Where(v => !waived.Contains(v.Rule)).ToList();
        return new MergeRequestVerdict
        {
            MergeRequest = mergeRequest,
            Status = EvaluationStatus.Evaluated,
            Violations = kept,
            Fetched = (facts.ChangedPaths is null ? MergeRequestNeeds.None : MergeRequestNeeds.ChangedPaths)
                | (facts.AuthorAccessLevel is null ? MergeRequestNeeds.None : MergeRequestNeeds.AuthorAccess),
            QuickActions = [.. kept.SelectMany(v => v.Fixes).Distinct()],
            Waivers = [.. options.Waivers.OrderBy(w => w.RuleId, StringComparer.Ordinal)],
            Explanation = options.Explain ? Explain(all, waived) : null,
            Replies = options.Replies,
        };
    }

    private EvaluationStatus? Skip(MergeRequestSnapshot mergeRequest, DateTimeOffset now)
    {
        if (mergeRequest.State is MergeRequestState.Closed or MergeRequestState.Locked)
        {
            return EvaluationStatus.SkippedClosed;
        }

        if (mergeRequest.Labels.Contains(Rules.ExemptionLabel, StringComparer.Ordinal))
        {
            return EvaluationStatus.SkippedExempt;
        }

        return mergeRequest.State == MergeRequestState.Opened && now < mergeRequest.CreatedAt + Rules.GracePeriod
            ? EvaluationStatus.SkippedGracePeriod
            : null;
    }

    private List<RuleCheck> Explain(List<Violation> violations, HashSet<string> waived) =>
        [.. _rules.Select(rule =>
        {
            var findings = violations.Where(v => v.Rule == rule.Descriptor.Id).ToList();
            var result = waived.Contains(rule.Descriptor.Id) ? RuleCheckResult.Waived
                : findings.Count > 0 ? RuleCheckResult.Failed
                : RuleCheckResult.Passed;
            return new RuleCheck(rule.Descriptor.Id, rule.Settings.Severity, result, rule.Descriptor.Summary, findings);
        })];
}

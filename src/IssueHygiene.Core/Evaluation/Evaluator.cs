using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Evaluation;

/// <summary>
/// Evaluates issues against a rule set: same issue + same rules + same clock ⇒ same verdict, whichever use asks
/// (webhook, sweep, lint, report). Thread-safe; build one per rule set and reuse it.
/// </summary>
public sealed class Evaluator
{
    private readonly PolicyValidator _validator;

    public Evaluator(RuleSet rules)
    {
        Policy = new CompiledPolicy(rules);
        _validator = new PolicyValidator(RuleCatalog.CreateIssueRules(rules));
    }

    public CompiledPolicy Policy { get; }

    public RuleSet Rules => Policy.Rules;

    /// <summary>Evaluates one issue at <paramref name="now"/>; <paramref name="catalog"/> says what fixes may use.</summary>
    public Verdict Evaluate(IssueSnapshot issue, DateTimeOffset now, TrackerCatalog? catalog = null)
    {
        if (issue.State != IssueState.Opened)
        {
            return new Verdict { Issue = issue, Status = EvaluationStatus.SkippedClosed };
        }

        if (HasLabel(issue, Rules.ExemptionLabel))
        {
            return new Verdict { Issue = issue, Status = EvaluationStatus.SkippedExempt };
        }

        var graceEnds = issue.CreatedAt + Rules.GracePeriod;
        if (now < graceEnds)
        {
            return new Verdict { Issue = issue, Status = EvaluationStatus.SkippedGracePeriod, GraceEndsAt = graceEnds };
        }

        var facts = new IssueFacts(issue, Policy.TodayAt(now), Policy, catalog ?? TrackerCatalog.Unknown);
        var result = _validator.Validate(facts);
        List<Violation>? violations = null;
        if (!result.IsValid)
        {
            violations = new List<Violation>(result.Errors.Count);
            foreach (var failure in result.Errors)
            {
                violations.Add((Violation)failure.CustomState);
            }
        }

        return violations is null
            ? new Verdict { Issue = issue, Status = EvaluationStatus.Evaluated }
            : new Verdict
            {
                Issue = issue,
                Status = EvaluationStatus.Evaluated,
                Violations = violations,
                QuickActions = PlanFixes(violations),
            };
    }

    /// <summary>
    /// Evaluates one issue with what a person asked for: findings of waived rules dropped (and their fixes with them),
    /// the waivers, an explanation of every enabled rule and command answers attached for the sticky note.
    /// </summary>
    public Verdict Evaluate(IssueSnapshot issue, DateTimeOffset now, TrackerCatalog? catalog, EvaluationOptions options)
    {
        var verdict = Evaluate(issue, now, catalog);
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return verdict with { Replies = options.Replies };
        }

        var waived = options.Waivers.Select(w => w.RuleId).ToHashSet(StringComparer.Ordinal);
        var kept = waived.Count == 0 ? verdict.Violations : [.. verdict.Violations.Where(v => !waived.Contains(v.Rule))];
        return verdict with
        {
            Violations = kept,
            QuickActions = kept.Count == verdict.Violations.Count ? verdict.QuickActions : PlanFixes([.. kept]),
            Waivers = [.. options.Waivers.OrderBy(w => w.RuleId, StringComparer.Ordinal)],
            Explanation = options.Explain ? Explain(verdict.Violations, waived) : null,
            Replies = options.Replies,
        };
    }

    /// <summary>
    /// The verdict the fixes lead to: the planned quick actions applied to a copy of the issue, evaluated again (a fix
    /// can surface another finding: Backlog on an issue marked <c>flow::Doing</c>). Repeats while new fixes appear,
    /// a few rounds at most, so what the note promises is what the next evaluation sees.
    /// </summary>
    public Verdict EvaluateAfterFixes(Verdict verdict, DateTimeOffset now, TrackerCatalog? catalog = null)
    {
        catalog ??= TrackerCatalog.Unknown;
        var applied = new HashSet<QuickAction>();
        var current = verdict;
        for (var round = 0; round < 3 && current.QuickActions.Any(a => !applied.Contains(a)); round++)
        {
            var issue = current.Issue;
            foreach (var action in current.QuickActions.Where(applied.Add))
            {
                issue = action.ApplyTo(issue, catalog);
            }

            current = verdict.Waivers.Count == 0 ? Evaluate(issue, now, catalog) : Evaluate(issue, now, catalog, new EvaluationOptions { Waivers = verdict.Waivers });
        }

        return current;
    }

    /// <summary>Every enabled issue rule in catalog order: failed with its findings, waived, or passed with what it checks.</summary>
    private List<RuleCheck> Explain(IReadOnlyList<Violation> violations, HashSet<string> waived)
    {
        var checks = new List<RuleCheck>();
        foreach (var descriptor in RuleCatalog.All.Where(d => d.IsIssueLevel))
        {
            var settings = Rules.SettingsFor(descriptor.Id);
            if (settings.Action == RuleAction.Off)
            {
                continue;
            }

            var findings = violations.Where(v => v.Rule == descriptor.Id).ToList();
            var result = waived.Contains(descriptor.Id) ? RuleCheckResult.Waived
                : findings.Count > 0 ? RuleCheckResult.Failed
                : RuleCheckResult.Passed;
            checks.Add(new RuleCheck(descriptor.Id, settings.Severity, result, descriptor.Summary, findings));
        }

        return checks;
    }

    /// <summary>All fixes in rule order, each quick action once.</summary>
    private static List<QuickAction> PlanFixes(List<Violation> violations)
    {
        List<QuickAction>? plan = null;
        foreach (var violation in violations)
        {
            foreach (var fix in violation.Fixes)
            {
                plan ??= [];
                if (!plan.Contains(fix))
                {
                    plan.Add(fix);
                }
            }
        }

        return plan ?? [];
    }

    private static bool HasLabel(IssueSnapshot issue, string label)
    {
        foreach (var l in issue.Labels)
        {
            if (string.Equals(l, label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

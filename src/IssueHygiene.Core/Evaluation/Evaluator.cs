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

    /// <summary>The checks that are not hygiene and run on every item whatever its state, age, type or label: secret-leak.</summary>
    private readonly PolicyValidator _alwaysValidator;

    public Evaluator(RuleSet rules)
    {
        Policy = new CompiledPolicy(rules);
        var issueRules = RuleCatalog.CreateIssueRules(rules);
        _validator = new PolicyValidator(issueRules);
        _alwaysValidator = new PolicyValidator([.. issueRules.Where(r => r.Descriptor.Id == SecretLeakRule.Id)]);
    }

    public CompiledPolicy Policy { get; }

    public RuleSet Rules => Policy.Rules;

    /// <summary>
    /// Evaluates one issue at <paramref name="now"/>; <paramref name="catalog"/> says what fixes may use. When the
    /// verdict plans fixes, <see cref="Verdict.AfterFixes"/> is the verdict they lead to (what the note will say).
    /// </summary>
    public Verdict Evaluate(IssueSnapshot issue, DateTimeOffset now, TrackerCatalog? catalog = null)
    {
        catalog ??= TrackerCatalog.Unknown;
        return WithAfterFixes(EvaluateOnce(issue, now, catalog, []), now, catalog);
    }

    /// <summary>
    /// Whether the hygiene rules apply, and if not why not — the one decision every path (lint, sweep, polling,
    /// webhook) makes through here: closed, a work item type the rules do not govern (a task, an epic…), exempt, or
    /// too new. Secret-leak is not hygiene: it is checked in every case.
    /// </summary>
    public EvaluationStatus StatusOf(IssueSnapshot issue, DateTimeOffset now) =>
        issue.State != IssueState.Opened ? EvaluationStatus.SkippedClosed
        : !Rules.Governs(issue.IssueType) ? EvaluationStatus.SkippedWorkItemType
        : HasLabel(issue, Rules.ExemptionLabel) ? EvaluationStatus.SkippedExempt
        : now < issue.CreatedAt + Rules.GracePeriod ? EvaluationStatus.SkippedGracePeriod
        : EvaluationStatus.Evaluated;

    private Verdict EvaluateOnce(IssueSnapshot issue, DateTimeOffset now, TrackerCatalog catalog, HashSet<string> waived)
    {
        var status = StatusOf(issue, now);
        var facts = new IssueFacts(issue, Policy.TodayAt(now), Policy, catalog);
        var result = (status == EvaluationStatus.Evaluated ? _validator : _alwaysValidator).Validate(facts);
        List<Violation>? violations = null;
        if (!result.IsValid)
        {
            violations = new List<Violation>(result.Errors.Count);
            foreach (var failure in result.Errors)
            {
                var violation = (Violation)failure.CustomState;
                if (!waived.Contains(violation.Rule))
                {
                    violations.Add(violation);
                }
            }
        }

        var verdict = new Verdict
        {
            Issue = issue,
            Status = status,
            GraceEndsAt = status == EvaluationStatus.SkippedGracePeriod ? issue.CreatedAt + Rules.GracePeriod : null,
        };
        return violations is null or { Count: 0 }
            ? verdict
            : verdict with { Violations = violations, QuickActions = status == EvaluationStatus.Evaluated ? PlanFixes(violations) : [] };
    }

    /// <summary>Attaches the verdict the planned fixes lead to (none planned: nothing to attach).</summary>
    private Verdict WithAfterFixes(Verdict verdict, DateTimeOffset now, TrackerCatalog catalog) =>
        verdict.QuickActions.Count == 0 ? verdict : verdict with { AfterFixes = EvaluateAfterFixes(verdict, now, catalog) };

    /// <summary>
    /// Evaluates one issue with what a person asked for: findings of waived rules dropped (and their fixes with them),
    /// the waivers, an explanation of every enabled rule and command answers attached for the sticky note.
    /// </summary>
    public Verdict Evaluate(IssueSnapshot issue, DateTimeOffset now, TrackerCatalog? catalog, EvaluationOptions options)
    {
        catalog ??= TrackerCatalog.Unknown;
        var waived = options.Waivers.Select(w => w.RuleId).ToHashSet(StringComparer.Ordinal);
        var verdict = EvaluateOnce(issue, now, catalog, []);
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return verdict with { Replies = options.Replies };
        }

        var kept = waived.Count == 0 ? verdict.Violations : [.. verdict.Violations.Where(v => !waived.Contains(v.Rule))];
        verdict = verdict with
        {
            Violations = kept,
            QuickActions = kept.Count == verdict.Violations.Count ? verdict.QuickActions : PlanFixes([.. kept]),
            Waivers = [.. options.Waivers.OrderBy(w => w.RuleId, StringComparer.Ordinal)],
            Explanation = options.Explain ? Explain(verdict.Violations, waived) : null,
            Replies = options.Replies,
        };
        return WithAfterFixes(verdict, now, catalog);
    }

    /// <summary>
    /// The verdict the fixes lead to: the planned quick actions applied to a copy of the issue, evaluated again (with
    /// the same waivers). Repeats while new fixes appear, a few rounds at most, so what the note promises is what the
    /// next evaluation sees. The fixes follow the handbook so that they never create a finding of their own.
    /// </summary>
    public Verdict EvaluateAfterFixes(Verdict verdict, DateTimeOffset now, TrackerCatalog? catalog = null)
    {
        if (verdict.AfterFixes is { } known)
        {
            return known;
        }

        catalog ??= TrackerCatalog.Unknown;
        var waived = verdict.Waivers.Select(w => w.RuleId).ToHashSet(StringComparer.Ordinal);
        var applied = new HashSet<QuickAction>();
        var current = verdict;
        for (var round = 0; round < 3 && current.QuickActions.Any(a => !applied.Contains(a)); round++)
        {
            var issue = current.Issue;
            foreach (var action in current.QuickActions.Where(applied.Add))
            {
                issue = action.ApplyTo(issue, catalog);
            }

            current = EvaluateOnce(issue, now, catalog, waived) with { Waivers = verdict.Waivers };
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
    private static List<QuickAction> PlanFixes(IReadOnlyList<Violation> violations)
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

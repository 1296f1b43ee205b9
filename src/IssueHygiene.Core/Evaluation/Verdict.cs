using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Evaluation;

/// <summary>The outcome of evaluating one issue: its findings and the fix plan (quick actions, in order).</summary>
public sealed record Verdict
{
    public required IssueSnapshot Issue { get; init; }

    public required EvaluationStatus Status { get; init; }

    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>The fixes of all findings, de-duplicated, in rule order.</summary>
    public IReadOnlyList<QuickAction> QuickActions { get; init; } = [];

    /// <summary>
    /// The verdict once the planned fixes are applied (what the sticky note says and what reports count); null when
    /// nothing is planned.
    /// </summary>
    public Verdict? AfterFixes { get; init; }

    /// <summary>The findings that remain once the planned fixes are applied.</summary>
    public IReadOnlyList<Violation> ViolationsAfterFixes => AfterFixes?.Violations ?? Violations;

    /// <summary>When a grace period ends (only for <see cref="EvaluationStatus.SkippedGracePeriod"/>).</summary>
    public DateTimeOffset? GraceEndsAt { get; init; }

    /// <summary>Waivers in force: their rules' findings are not in <see cref="Violations"/>.</summary>
    public IReadOnlyList<RuleWaiver> Waivers { get; init; } = [];

    /// <summary>Every enabled rule with its outcome, when someone asked (<c>@bot explain</c>); null otherwise.</summary>
    public IReadOnlyList<RuleCheck>? Explanation { get; init; }

    /// <summary>Answers to commands, to show in the sticky note.</summary>
    public IReadOnlyList<NoteReply> Replies { get; init; } = [];

    /// <summary>True when the note must be rewritten to answer someone even though its findings did not change.</summary>
    public bool HasAnswer => Explanation is not null || Replies.Count > 0;

    public bool IsClean => Violations.Count == 0;

    /// <summary>True when an error or warning was found (what makes <c>lint</c> exit 1).</summary>
    public bool HasProblems => Violations.Any(v => v.Severity >= Severity.Warning);
}

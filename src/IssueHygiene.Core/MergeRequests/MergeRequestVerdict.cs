using IssueHygiene.Core.Evaluation;

namespace IssueHygiene.Core.MergeRequests;

/// <summary>The outcome of evaluating one merge request: its findings, and what a person asked for (waivers, explain).</summary>
public sealed record MergeRequestVerdict
{
    public required MergeRequestSnapshot MergeRequest { get; init; }

    public required EvaluationStatus Status { get; init; }

    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>What was fetched to judge it (for reports: the API cost of this MR beyond listing it).</summary>
    public MergeRequestNeeds Fetched { get; init; }

    /// <summary>Quick actions of the findings (only a self-merged label, with action fix).</summary>
    public IReadOnlyList<QuickAction> QuickActions { get; init; } = [];

    public IReadOnlyList<RuleWaiver> Waivers { get; init; } = [];

    /// <summary>Every enabled MR rule with its outcome, when someone asked (<c>@bot explain</c>); null otherwise.</summary>
    public IReadOnlyList<RuleCheck>? Explanation { get; init; }

    public IReadOnlyList<NoteReply> Replies { get; init; } = [];

    public bool HasAnswer => Explanation is not null || Replies.Count > 0;

    public bool IsClean => Violations.Count == 0;

    public bool HasProblems => Violations.Any(v => v.Severity >= Policy.Severity.Warning);
}

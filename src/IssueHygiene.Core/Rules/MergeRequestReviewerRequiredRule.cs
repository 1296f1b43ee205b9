using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary><c>mr-reviewer-required</c>: an open, non-draft, non-trivial MR has a reviewer other than its author.</summary>
public sealed class MergeRequestReviewerRequiredRule(RuleSettings settings, MergeRequestPolicy policy)
    : MergeRequestRule(Definition, settings, policy)
{
    public const string Id = "mr-reviewer-required";

    public static RuleDescriptor Definition { get; } = new()
    {
        Id = Id,
        DefaultSeverity = Severity.Warning,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "An open, non-draft merge request that touches code has at least one reviewer other than its author.",
        Help = "\"" + Handbook.ReviewedByOthers + "\" \"" + Handbook.TouchesCode + "\" Ask someone to review it "
            + "(`/assign_reviewer @username`). (Handbook: " + Handbook.CodeReview + ")",
        HandbookSection = Handbook.CodeReview,
        HandbookQuotes = [Handbook.ReviewedByOthers, Handbook.TouchesCode],
        IsIssueLevel = false,
        IsMergeRequestLevel = true,
    };

    public override bool AppliesTo(MergeRequestSnapshot mergeRequest) =>
        mergeRequest is { State: MergeRequestState.Opened, Draft: false }
        && !mergeRequest.Reviewers.Any(r => !SameUser(r, mergeRequest.Author));

    public override MergeRequestNeeds Needs(MergeRequestSnapshot mergeRequest) =>
        AppliesTo(mergeRequest) ? MergeRequestNeeds.ChangedPaths : MergeRequestNeeds.None;

    public override IEnumerable<Violation> Check(MergeRequestFacts facts)
    {
        if (!AppliesTo(facts.MergeRequest) || IsTrivial(facts))
        {
            yield break;
        }

        yield return Finding(facts.MergeRequest.Reviewers.Count == 0
            ? "This merge request touches code and has no reviewer."
            : "This merge request touches code and its only reviewer is its author.");
    }
}

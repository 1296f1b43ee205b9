using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>mr-self-merged</c>: a merged MR that touches code was merged by its author. Nothing can undo the merge, so the
/// note says so after the fact for the team to see; with action fix it also adds the configured <c>label</c>.
/// </summary>
public sealed class MergeRequestSelfMergedRule(RuleSettings settings, MergeRequestPolicy policy)
    : MergeRequestRule(Definition, settings, policy)
{
    public const string Id = "mr-self-merged";

    public static RuleDescriptor Definition { get; } = new()
    {
        Id = Id,
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Fix, RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Parameters =
        [
            new("label", "With action fix, the label the note adds to a self-merged MR (e.g. hygiene::self-merged)."),
        ],
        Summary = "A merged merge request that touches code was merged by someone other than its author.",
        Help = "\"" + Handbook.ReviewedByOthers + "\" \"" + Handbook.TouchesCode + "\" The merge stands; have someone "
            + "else review the change after the fact. (Handbook: " + Handbook.CodeReview + ")",
        HandbookSection = Handbook.CodeReview,
        HandbookQuotes = [Handbook.ReviewedByOthers, Handbook.TouchesCode],
        IsIssueLevel = false,
        IsMergeRequestLevel = true,
    };

    public override bool AppliesTo(MergeRequestSnapshot mergeRequest) =>
        mergeRequest is { State: MergeRequestState.Merged, MergedBy: { } merger } && SameUser(merger, mergeRequest.Author);

    public override MergeRequestNeeds Needs(MergeRequestSnapshot mergeRequest) =>
        AppliesTo(mergeRequest) ? MergeRequestNeeds.ChangedPaths : MergeRequestNeeds.None;

    public override IEnumerable<Violation> Check(MergeRequestFacts facts)
    {
        if (!AppliesTo(facts.MergeRequest) || IsTrivial(facts))
        {
            yield break;
        }

        var label = Settings.Parameter("label");
        yield return Finding(
            "This merge request touches code and was merged by its author, {0}.",
            [facts.MergeRequest.Author.Username],
            label is null ? null : [new AddLabelAction(label)],
            label is null ? "no label is configured (mr-self-merged.label)" : null);
    }
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Rules;

/// <summary>
/// <c>mr-community-expert-merge</c>: a merged MR by a community contributor (not a group member with at least
/// Developer access) was merged by an expert on every changed path that has experts. Paths no expert entry covers
/// are not judged; with no experts configured the rule has nothing to check.
/// </summary>
public sealed class MergeRequestCommunityExpertMergeRule(RuleSettings settings, MergeRequestPolicy policy)
    : MergeRequestRule(Definition, settings, policy)
{
    public const string Id = "mr-community-expert-merge";

    private const int MaxPathsShown = 5;

    public static RuleDescriptor Definition { get; } = new()
    {
        Id = Id,
        DefaultSeverity = Severity.Error,
        DefaultAction = RuleAction.Comment,
        AllowedActions = [RuleAction.Comment, RuleAction.Report, RuleAction.Off],
        Summary = "A merged community contribution was merged by an expert on the part of the code base it changes.",
        Help = "\"" + Handbook.CommunityExperts + "\" Ask an expert (see `mergeRequests.experts` in the rules file) to "
            + "review the change after the fact. (Handbook: " + Handbook.CodeReview + ")",
        HandbookSection = Handbook.CodeReview,
        HandbookQuotes = [Handbook.CommunityExperts],
        IsIssueLevel = false,
        IsMergeRequestLevel = true,
    };

    public override bool AppliesTo(MergeRequestSnapshot mergeRequest) =>
        mergeRequest is { State: MergeRequestState.Merged, MergedBy: not null }
        && Policy.Experts.Count > 0
        && !IsExpertEverywhere(mergeRequest.MergedBy.Username);

    public override MergeRequestNeeds Needs(MergeRequestSnapshot mergeRequest) =>
        !AppliesTo(mergeRequest) ? MergeRequestNeeds.None
        : Policy.ExpertsDependOnPaths ? MergeRequestNeeds.AuthorAccess | MergeRequestNeeds.ChangedPaths
        : MergeRequestNeeds.AuthorAccess;

    public override IEnumerable<Violation> Check(MergeRequestFacts facts)
    {
        var mergeRequest = facts.MergeRequest;
        if (!AppliesTo(mergeRequest) || facts.AuthorAccessLevel >= Policy.MemberAccessLevel)
        {
            yield break;
        }

        var merger = mergeRequest.MergedBy!.Username;
        if (!Policy.ExpertsDependOnPaths)
        {
            yield return Finding("This community contribution was merged by {0}, who is not an expert.", [merger]);
            yield break;
        }

        // Unknown paths: the merger is an expert nowhere in particular, so only the '**' experts could have merged it.
        var paths = facts.ChangedPaths ?? ["**"];
        var outside = paths
            .Where(p => Policy.ExpertsFor(p) is { Count: > 0 } experts && !experts.Contains(merger))
            .ToList();
        if (outside.Count == 0)
        {
            yield break;
        }

        var shown = outside.Take(MaxPathsShown).ToList();
        var placeholders = string.Join(", ", Enumerable.Range(1, shown.Count).Select(i => "{" + i + "}"));
        var more = outside.Count > shown.Count ? $" and {outside.Count - shown.Count} more" : string.Empty;
        yield return Finding(
            "This community contribution was merged by {0}, who is not an expert on " + placeholders + more + ".",
            [merger, .. shown]);
    }

    private bool IsExpertEverywhere(string username) =>
        Policy.Experts.Any(e => e.Glob.Pattern == "**" && e.Usernames.Contains(username, StringComparer.OrdinalIgnoreCase));
}

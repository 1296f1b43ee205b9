namespace IssueHygiene.Core.Rules;

/// <summary>The handbook sections rules cite, so a reader can find the line a rule comes from.</summary>
public static class Handbook
{
    public const string Milestones = "Issue tracker best practices › Milestones";
    public const string Labels = "Issue tracker best practices › Labels";
    public const string TriageProcess = "Triage process";
    public const string SecretsLeakage = "Community › Preventing and responding to accidental secrets leakage";
    public const string CodeReview = "Code review";

    /// <summary>The "Code review" sentences the merge-request rules check, word for word.</summary>
    public const string ReviewedByOthers = "All non-trivial merge requests should be reviewed and merged by someone other than the author.";

    public const string TouchesCode = "A merge request that touches code is never trivial, but one that fixes a typo in the documentation probably is.";

    public const string CommunityExperts = "All team members are expected to review community contributions, but these can only be merged by an expert on the part of the code base in question.";

    /// <summary>The section anchor a heading gets on the published handbook (<c>### Milestones</c> → <c>#milestones</c>).</summary>
    public static string? AnchorOf(string section) => section switch
    {
        Milestones => "milestones",
        Labels => "labels",
        TriageProcess => "triage-process",
        CodeReview => "code-review",
        // The secrets procedure is on the Community page, not under the handbook's URL: no link.
        _ => null,
    };
}

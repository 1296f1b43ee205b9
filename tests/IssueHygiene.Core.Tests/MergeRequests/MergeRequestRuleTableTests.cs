using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Tests.MergeRequests;

/// <summary>
/// The handbook's "Code review" rules, row by row, under the shipped policy (trivial: <c>**/*.md</c>, <c>docs/**</c>;
/// experts: douwe). Each row names the sentence it checks:
/// R = "All non-trivial merge requests should be reviewed and merged by someone other than the author."
/// T = "A merge request that touches code is never trivial, but one that fixes a typo in the documentation probably is."
/// C = "All team members are expected to review community contributions, but these can only be merged by an expert on
///     the part of the code base in question." (and "Right now, Douwe is the only expert.")
/// </summary>
public sealed class MergeRequestRuleTableTests
{
    private const int Developer = 30;
    private const int NotMember = 0;
    private static readonly MergeRequestEvaluator Evaluator = new(TestData.Handbook);
    private static readonly UserRef Ann = new(1, "ann");
    private static readonly UserRef Bob = new(2, "bob");
    private static readonly UserRef Douwe = new(3, "douwe");
    private static readonly UserRef Guest = new(4, "community-carl");

    public static TheoryData<string, string, MergeRequestSnapshot, string[], int?, string[]> Cases => new()
    {
        // sentence, row, MR, changed paths, author access, expected rule ids
        { "R", "open, code, no reviewer", Open(Ann), ["src/app.py"], Developer, [MergeRequestReviewerRequiredRule.Id] },
        { "R", "open, code, the author reviews it", Open(Ann, reviewers: [Ann]), ["src/app.py"], Developer, [MergeRequestReviewerRequiredRule.Id] },
        { "R", "open, code, reviewed by someone else", Open(Ann, reviewers: [Bob]), ["src/app.py"], Developer, [] },
        { "R", "open, code, author and another reviewer", Open(Ann, reviewers: [Ann, Bob]), ["src/app.py"], Developer, [] },
        { "R", "a draft is not asked for a reviewer yet", Open(Ann, draft: true), ["src/app.py"], Developer, [] },
        { "T", "a typo fix in the documentation is trivial", Open(Ann), ["docs/guide/install.md"], Developer, [] },
        { "T", "markdown anywhere is trivial", Open(Ann), ["README.md", "src/meltano/README.md"], Developer, [] },
        { "T", "docs/ of any kind is trivial", Open(Ann), ["docs/img/logo.png"], Developer, [] },
        { "T", "documentation plus one code file touches code", Open(Ann), ["docs/a.md", "src/app.py"], Developer, [MergeRequestReviewerRequiredRule.Id] },
        { "T", "a .md-like name is still code", Open(Ann), ["src/readme.md.py"], Developer, [MergeRequestReviewerRequiredRule.Id] },
        { "T", "no changed files known: touches code", Open(Ann), [], Developer, [MergeRequestReviewerRequiredRule.Id] },
        { "R", "merged by its author, code", Merged(Ann, Ann), ["src/app.py"], Developer, [MergeRequestSelfMergedRule.Id] },
        { "R", "merged by someone else", Merged(Ann, Bob), ["src/app.py"], Developer, [] },
        { "T", "a self-merged typo fix is trivial", Merged(Ann, Ann), ["docs/typo.md"], Developer, [] },
        { "C", "community contribution merged by the expert", Merged(Guest, Douwe), ["src/app.py"], NotMember, [] },
        { "C", "community contribution merged by a non-expert", Merged(Guest, Bob), ["src/app.py"], NotMember, [MergeRequestCommunityExpertMergeRule.Id] },
        { "C", "community documentation fix still needs the expert", Merged(Guest, Bob), ["docs/typo.md"], NotMember, [MergeRequestCommunityExpertMergeRule.Id] },
        { "C", "a guest (access 10) is a community contributor", Merged(Guest, Bob), ["src/app.py"], 10, [MergeRequestCommunityExpertMergeRule.Id] },
        { "C", "a developer's MR is not a community contribution", Merged(Ann, Bob), ["src/app.py"], Developer, [] },
        { "C", "open community MRs are for everyone to review", Open(Guest, reviewers: [Bob]), ["src/app.py"], NotMember, [] },
        { "R", "closed without merging is left alone", Open(Ann) with { State = MergeRequestState.Closed }, ["src/app.py"], Developer, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_CodeReviewRow_FiresExactlyTheExpectedRules(string sentence, string row, MergeRequestSnapshot mergeRequest, string[] paths, int? access, string[] expected)
    {
        Assert.Contains(sentence, new[] { "R", "T", "C" });
        var verdict = Evaluator.Evaluate(new MergeRequestFacts(mergeRequest, paths, access), TestData.Now);

        Assert.True(expected.SequenceEqual(verdict.Violations.Select(v => v.Rule)),
            $"{row}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", verdict.Violations.Select(v => v.Rule))}]");
    }

    [Theory]
    [InlineData(MergeRequestReviewerRequiredRule.Id, Handbook.ReviewedByOthers)]
    [InlineData(MergeRequestReviewerRequiredRule.Id, Handbook.TouchesCode)]
    [InlineData(MergeRequestSelfMergedRule.Id, Handbook.ReviewedByOthers)]
    [InlineData(MergeRequestCommunityExpertMergeRule.Id, Handbook.CommunityExperts)]
    public void Help_QuotesTheHandbookSentence(string ruleId, string sentence)
    {
        var descriptor = RuleCatalog.Find(ruleId)!;

        Assert.Contains("\"" + sentence + "\"", descriptor.Help, StringComparison.Ordinal);
        Assert.Equal(Handbook.CodeReview, descriptor.HandbookSection);
        Assert.True(descriptor.IsMergeRequestLevel);
        Assert.False(descriptor.IsIssueLevel);
    }

    [Fact]
    public void HandbookSentences_AreTheHandbooksWords()
    {
        // Copied from the handbook's "Code review" section; a paraphrase here would make every help text misquote it.
        Assert.Equal("All non-trivial merge requests should be reviewed and merged by someone other than the author.", Handbook.ReviewedByOthers);
        Assert.StartsWith("All team members are expected to review community contributions, but these can only be merged by an expert", Handbook.CommunityExperts, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_OnlyWhatARuleLooksAt()
    {
        Assert.Equal(MergeRequestNeeds.None, Evaluator.Needs(Open(Ann, reviewers: [Bob]), TestData.Now));
        Assert.Equal(MergeRequestNeeds.None, Evaluator.Needs(Open(Ann, draft: true), TestData.Now));
        Assert.Equal(MergeRequestNeeds.ChangedPaths, Evaluator.Needs(Open(Ann), TestData.Now));
        Assert.Equal(MergeRequestNeeds.ChangedPaths | MergeRequestNeeds.AuthorAccess, Evaluator.Needs(Merged(Ann, Ann), TestData.Now));
        Assert.Equal(MergeRequestNeeds.None, Evaluator.Needs(Merged(Ann, Douwe), TestData.Now));
        Assert.Equal(MergeRequestNeeds.AuthorAccess, Evaluator.Needs(Merged(Ann, Bob), TestData.Now));
        Assert.Equal(MergeRequestNeeds.None, Evaluator.Needs(Open(Ann) with { CreatedAt = TestData.Now.AddMinutes(-5) }, TestData.Now));
    }

    [Fact]
    public void Evaluate_PerPathExperts_MergerMustBeExpertOnEveryChangedPart()
    {
        var rules = TestData.Load("""
            mergeRequests:
              experts:
                'src/core/**': [douwe]
                'docs/**': [bob, douwe]
            """);
        var evaluator = new MergeRequestEvaluator(rules);
        var mergedByBob = Merged(Guest, Bob);

        Assert.Equal(MergeRequestNeeds.AuthorAccess | MergeRequestNeeds.ChangedPaths, evaluator.Needs(mergedByBob, TestData.Now));
        Assert.Empty(evaluator.Evaluate(new MergeRequestFacts(mergedByBob, ["docs/a.md", "tests/x.py"], NotMember), TestData.Now).Violations);
        var violation = Assert.Single(evaluator.Evaluate(new MergeRequestFacts(mergedByBob, ["docs/a.md", "src/core/x.py"], NotMember), TestData.Now).Violations);
        Assert.Equal(["bob", "src/core/x.py"], violation.Arguments);
    }

    [Fact]
    public void Evaluate_SelfMergedWithFixAndLabel_PlansTheLabel()
    {
        var rules = TestData.Load("""
            rules:
              mr-self-merged: { severity: error, action: fix, label: 'hygiene::self-merged' }
            """);

        var verdict = new MergeRequestEvaluator(rules).Evaluate(new MergeRequestFacts(Merged(Ann, Ann), ["src/app.py"], Developer), TestData.Now);

        Assert.Equal([new AddLabelAction("hygiene::self-merged")], verdict.QuickActions);
    }

    [Fact]
    public void Evaluate_Waived_DropsTheFindingAndExplainsIt()
    {
        var verdict = Evaluator.Evaluate(new MergeRequestFacts(Merged(Ann, Ann), ["src/app.py"], Developer), TestData.Now, new EvaluationOptions
        {
            Waivers = [new RuleWaiver(MergeRequestSelfMergedRule.Id, null, "hotfix", "bob")],
            Explain = true,
        });

        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Explanation!, c => c.RuleId == MergeRequestSelfMergedRule.Id && c.Result == RuleCheckResult.Waived);
    }

    private static MergeRequestSnapshot Open(UserRef author, bool draft = false, UserRef[]? reviewers = null) => new()
    {
        ProjectId = 7,
        Iid = 1,
        State = MergeRequestState.Opened,
        Draft = draft,
        Author = author,
        Reviewers = reviewers ?? [],
        CreatedAt = TestData.Now.AddDays(-1),
    };

    private static MergeRequestSnapshot Merged(UserRef author, UserRef merger) => Open(author, reviewers: [Bob]) with
    {
        State = MergeRequestState.Merged,
        MergedBy = merger,
        MergedAt = TestData.Now.AddHours(-1),
    };
}

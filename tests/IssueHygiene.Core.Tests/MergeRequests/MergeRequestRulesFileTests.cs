using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Core.Tests.MergeRequests;

/// <summary>The rules file's <c>mergeRequests</c> section: defaults, both forms of experts, and FILE:LINE:COL errors.</summary>
public sealed class MergeRequestRulesFileTests
{
    [Fact]
    public void Load_ShippedHandbook_TrivialIsDocumentationAndDouweIsTheExpert()
    {
        var policy = TestData.Handbook.MergeRequests;

        Assert.Equal(["**/*.md", "docs/**"], policy.Trivial.Select(g => g.Pattern));
        var experts = Assert.Single(policy.Experts);
        Assert.Equal("**", experts.Glob.Pattern);
        Assert.Equal(["douwe"], experts.Usernames);
    }

    [Fact]
    public void Load_NoSection_DefaultTrivialAndNoExperts()
    {
        var policy = TestData.Load("{}").MergeRequests;

        Assert.Equal(MergeRequestPolicy.DefaultTrivial, policy.Trivial.Select(g => g.Pattern));
        Assert.Empty(policy.Experts);
    }

    [Theory]
    [InlineData("mergeRequests:\n  trivial: ['docs/**', 'a**b']\n", "t.yml:2:24: mergeRequests.trivial: glob 'a**b' uses '**' inside a path segment")]
    [InlineData("mergeRequests:\n  experts: ['@douwe']\n", "t.yml:2:13: mergeRequests.experts: '@douwe' is not a GitLab username")]
    [InlineData("mergeRequests:\n  experts:\n    '/src/**': [douwe]\n", "t.yml:3:5: mergeRequests.experts: glob '/src/**' starts with '/'")]
    [InlineData("mergeRequests:\n  expert: [douwe]\n", "t.yml:2:3: unknown key 'expert' in mergeRequests")]
    [InlineData("rules:\n  mr-self-mergd: { action: comment }\n", "t.yml:2:3: no rule is called 'mr-self-mergd'; did you mean 'mr-self-merged'?")]
    [InlineData("rules:\n  mr-community-expert-merge: { action: fix }\n", "t.yml:2:40: rule 'mr-community-expert-merge' cannot take action 'fix'")]
    public void Load_BadSection_NamesFileLineAndColumn(string yaml, string expectedStart)
    {
        var result = RuleSetLoader.Load(yaml, "t.yml");

        Assert.False(result.Succeeded);
        Assert.True(result.Errors.Any(e => e.ToString().StartsWith(expectedStart, StringComparison.Ordinal)), string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("**/*.md", "a/b/c.md", true)]
    [InlineData("**/*.md", "a/b/c.mdx", false)]
    [InlineData("docs/**", "docs/a/b.png", true)]
    [InlineData("docs/**", "src/docs/a.md", false)]
    [InlineData("docs/**", "docsx/a", false)]
    [InlineData("src/*/x.py", "src/a/x.py", true)]
    [InlineData("src/*/x.py", "src/a/b/x.py", false)]
    [InlineData("src/**/x.py", "src/x.py", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("a.b", "aXb", false)]
    public void PathGlob_Matches(string glob, string path, bool expected) =>
        Assert.Equal(expected, PathGlob.Parse(glob).IsMatch(path));
}

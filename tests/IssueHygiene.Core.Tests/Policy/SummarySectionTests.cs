using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Core.Tests.Policy;

/// <summary>The rules file's <c>summary</c> section and the <c>summary</c> action.</summary>
public sealed class SummarySectionTests
{
    [Fact]
    public void Load_SummarySectionAndActionSummary()
    {
        var rules = TestData.Load("""
            summary:
              title: 'Hygiene of {scope}'
              markerLabel: hygiene::needs-attention
            rules:
              type-label: { severity: info, action: summary }
            """);

        Assert.Equal("Hygiene of meltano/meltano", rules.Summary.TitleFor("meltano/meltano"));
        Assert.Equal("hygiene::needs-attention", rules.Summary.MarkerLabel);
        Assert.Equal(RuleAction.Summary, rules.SettingsFor("type-label").Action);
    }

    [Fact]
    public void Load_Defaults_TitleWithScopeAndNoMarker()
    {
        var rules = TestData.Load("{}");

        Assert.Equal("Issue hygiene: g", rules.Summary.TitleFor("g"));
        Assert.Null(rules.Summary.MarkerLabel);
    }

    [Fact]
    public void Load_ShippedHandbook_AdvisoryRulesGoToTheSummary()
    {
        Assert.Equal(RuleAction.Summary, TestData.Handbook.SettingsFor("stage-label").Action);
        Assert.Equal(RuleAction.Summary, TestData.Handbook.SettingsFor("label-documented").Action);
        Assert.Equal("Issue hygiene: handbook-org", TestData.Handbook.Summary.TitleFor("handbook-org"));
    }

    [Theory]
    [InlineData("summary: { markerLabel: 'a\"b' }", "test.yml:1:25: summary.markerLabel 'a\"b' contains a double quote")]
    [InlineData("summary: { title: '' }", "test.yml:1:19: summary.title must be one line")]
    [InlineData("summary: { colour: red }", "test.yml:1:12:")]
    [InlineData("rules: { milestone-required: { action: summarise } }", "test.yml:1:40: rule 'milestone-required' cannot take action 'summarise' (it can: fix, comment, report, off, summary)")]
    public void Load_BadSummarySettings_AreErrorsWithTheirLocation(string yaml, string expected)
    {
        var result = RuleSetLoader.Load(yaml, "test.yml");

        Assert.Null(result.RuleSet);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }
}

using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Tests.Secrets;

public sealed class SecretLeakRuleTests
{
    private readonly SecretSamples _samples = new(11);

    [Fact]
    public void Catalog_SecretLeak_ErrorFixWithRedactParameter()
    {
        var descriptor = RuleCatalog.Find("secret-leak");

        Assert.NotNull(descriptor);
        Assert.Equal(Severity.Error, descriptor.DefaultSeverity);
        Assert.Equal(RuleAction.Fix, descriptor.DefaultAction);
        Assert.Equal(["true", "false"], descriptor.Parameters.Single(p => p.Name == "redact").AllowedValues);
        Assert.Equal("false", TestData.Handbook.SettingsFor("secret-leak").Parameter("redact"));
    }

    [Fact]
    public void Evaluate_TokenInDescription_ErrorNamingKindAndPlaceNotValue()
    {
        var token = _samples.GitLab("glpat-");
        var issue = TestData.CleanIssue() with { Description = "my token: " + token };

        var verdict = new Evaluator(TestData.Handbook).Evaluate(issue, TestData.Now);

        var violation = Assert.Single(verdict.Violations);
        Assert.Equal("secret-leak", violation.Rule);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal("The description contains a GitLab personal, project or group access token: rotate it now.", violation.Message);
        Assert.DoesNotContain(token, violation.Message + violation.Help, StringComparison.Ordinal);
        Assert.True(verdict.HasProblems);
    }

    [Fact]
    public void Plan_SecretFinding_NeverInThePublicLintNote()
    {
        var evaluator = new Evaluator(TestData.Handbook);
        var issue = TestData.CleanIssue() with { Title = "creds " + _samples.AwsAccessKeyId() };
        var verdict = evaluator.Evaluate(issue, TestData.Now);

        var plan = new WritePlanner(evaluator, FixMode.QuickActions).Plan(verdict, [], TestData.Now);

        Assert.False(Assert.Single(verdict.Violations).InLintNote);
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Evaluate_ActionOff_NoFinding()
    {
        var rules = TestData.Load("version: 1\nrules:\n  secret-leak: { action: off }\n");
        var issue = TestData.CleanIssue() with { Description = "token " + _samples.GitLab("glpat-") };

        var verdict = new Evaluator(rules).Evaluate(issue, TestData.Now);

        Assert.Empty(verdict.Violations);
    }

    [Fact]
    public void Load_RedactNotABoolean_ClearError()
    {
        var result = IssueHygiene.Core.Policy.Loading.RuleSetLoader.Load("version: 1\nrules:\n  secret-leak: { redact: yes-please }\n", "r.yml");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.ToString().Contains("redact", StringComparison.Ordinal));
    }

    [Fact]
    public void Redacts_FixWithRedactTrue_OnlyThen()
    {
        var redacting = TestData.Load("version: 1\nrules:\n  secret-leak: { redact: 'true' }\n").SettingsFor("secret-leak");
        var commenting = TestData.Load("version: 1\nrules:\n  secret-leak: { action: comment, redact: 'true' }\n").SettingsFor("secret-leak");

        Assert.True(SecretLeakRule.Redacts(redacting));
        Assert.False(SecretLeakRule.Redacts(commenting));
        Assert.False(SecretLeakRule.Redacts(TestData.Handbook.SettingsFor("secret-leak")));
    }
}

using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Policy.Loading;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;
using IssueHygiene.MergeRequests;
using IssueHygiene.Tests.Cli;
using IssueHygiene.Tests.Secrets;

namespace IssueHygiene.Tests.MergeRequests;

/// <summary>An MR's leaked credential is a reported finding, like an issue's: in the report, an error, never the value.</summary>
public sealed class MergeRequestSecretFindingsTests
{
    private static readonly SecretLeakPlanner Planner = new(
        RuleSetLoader.Load(File.ReadAllText(CliRunner.Repo("rules/handbook.yml")), "handbook.yml").RuleSet!, Core.Actuation.FixMode.QuickActions);

    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static MergeRequestSnapshot MergeRequest(string description) => new()
    {
        ProjectId = 1,
        Iid = 2,
        Description = description,
        State = MergeRequestState.Opened,
        Author = new UserRef(3, "dev"),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void Reported_MergeRequestWithinGracePeriod_BecomesAnErrorInTheReport()
    {
        var token = new TestSecrets(5).GitLabToken();
        var mergeRequest = MergeRequest("use " + token);
        var skipped = new MergeRequestVerdict { MergeRequest = mergeRequest, Status = EvaluationStatus.SkippedGracePeriod };
        var scan = Planner.Scan(SecretLeakSubject.Of(mergeRequest), [], botUserId: null, Key);

        var verdict = MergeRequestSecretFindings.Reported(skipped, scan);
        var report = new HygieneReport();
        report.AddMergeRequest(verdict, []);

        var finding = Assert.Single(Assert.Single(report.MergeRequests).Violations);
        Assert.Equal(("secret-leak", Core.Policy.Severity.Error), (finding.Rule, finding.Severity));
        Assert.False(finding.InLintNote);
        Assert.StartsWith("The description contains a GitLab", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, finding.Message, StringComparison.Ordinal);
        Assert.True(report.FoundProblems);
    }

    [Fact]
    public void Reported_NoCredential_VerdictUnchanged()
    {
        var verdict = new MergeRequestVerdict { MergeRequest = MergeRequest("clean"), Status = EvaluationStatus.SkippedGracePeriod };
        var scan = Planner.Scan(SecretLeakSubject.Of(verdict.MergeRequest), [], botUserId: null, Key);

        Assert.Same(verdict, MergeRequestSecretFindings.Reported(verdict, scan));
    }
}

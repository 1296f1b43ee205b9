using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Health;

namespace IssueHygiene.Tests.Serve;

/// <summary>The per-issue failure counters and the last sweep's failed-issue gauge, as Prometheus reads them.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void Render_IssuesStoppedByGitLabErrors_CountedByOutcomeAndTheLastSweepsFailuresAsAGauge()
    {
        var metrics = new HygieneMetrics();
        metrics.IssueFailed("gone");
        metrics.IssueFailed("gone");
        metrics.IssueFailed("failed");
        metrics.SweepFinished(TimeSpan.FromSeconds(12), failedIssues: 3);

        var lines = PrometheusText.Render(metrics, queue: null, new GitLabCallStatistics().Snapshot()).Split('\n');

        Assert.Contains("# TYPE issuehygiene_issue_failures_total counter", lines);
        Assert.Contains("issuehygiene_issue_failures_total{outcome=\"failed\"} 1", lines);
        Assert.Contains("issuehygiene_issue_failures_total{outcome=\"gone\"} 2", lines);
        Assert.Contains("# TYPE issuehygiene_sweep_failed_issues gauge", lines);
        Assert.Contains("issuehygiene_sweep_failed_issues 3", lines);
    }

    [Fact]
    public void Render_BeforeAnySweep_NoFailedIssuesGaugeRatherThanAFalseZero()
    {
        var lines = PrometheusText.Render(new HygieneMetrics(), queue: null, new GitLabCallStatistics().Snapshot()).Split('\n');

        Assert.DoesNotContain(lines, l => l.StartsWith("issuehygiene_sweep_failed_issues", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("issuehygiene_issue_failures_total{", StringComparison.Ordinal));
    }
}

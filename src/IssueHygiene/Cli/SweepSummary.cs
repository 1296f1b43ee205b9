using System.Globalization;
using System.Text;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.Sweeping;

namespace IssueHygiene.Cli;

/// <summary>The one line a sweep ends with: issues, findings by rule, writes, API calls, duration.</summary>
public static class SweepSummary
{
    public static string Render(SweepResult result, GitLabCallStatisticsSnapshot calls)
    {
        var report = result.Report;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.IssueCount} issues, {report.ByRule.Values.Sum()} findings");
        if (report.ByRule.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", report.ByRule.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))).Append(')');
        }

        if (report.MergeRequestCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {report.MergeRequestCount} merge requests ({report.MergeRequests.Count} with findings)");
        }

        text.Append(CultureInfo.InvariantCulture, $", {report.WriteCount} {(report.DryRun ? "writes planned (dry run: none made)" : "writes")}");
        if (result.FailedWrites > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {result.FailedWrites} failed");
        }

        text.Append(CultureInfo.InvariantCulture, $", {calls.TotalCalls} API calls, {calls.RateLimitWait.TotalSeconds:F1} s rate-limit wait, {result.Duration.TotalSeconds:F1} s");
        if (report.DryRun && report.Budget is { Stopped: true } wouldStop)
        {
            // A dry run plans every write; it says where a live run would stop, not that it stopped.
            text.Append(". ").Append(char.ToUpperInvariant(wouldStop.Describe(dryRun: true)[0])).Append(wouldStop.Describe(dryRun: true)[1..]);
        }
        else if (result.BudgetExhausted)
        {
            text.Append(". Stopped writing: the write budget (MaxWritesPerRun) was reached");
            if (report.Budget is { } used)
            {
                text.Append(CultureInfo.InvariantCulture, $" after {used.WithinBudget} of {used.Planned} planned writes");
            }
        }

        return text.ToString();
    }
}

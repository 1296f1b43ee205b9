using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Storage.Health;

namespace IssueHygiene.TrackerHealth;

/// <summary>
/// The findings an issue has now, as its latest evaluation found them: the same count the run's history stores, so
/// "new" and "resolved" since the previous run add up to the change in totals (a finding fixed by this run's quick
/// actions is resolved when the next evaluation no longer finds it).
/// </summary>
public static class CurrentFindings
{
    /// <param name="verdict">The issue's latest evaluation.</param>
    /// <param name="credentialFound">True when this evaluation found a leaked credential: containment makes the issue
    /// confidential, so its title is treated as confidential already (never stored, never shown).</param>
    public static IssueFindings Of(Verdict verdict, bool credentialFound = false)
    {
        var issue = verdict.Issue;
        if (verdict.Status != EvaluationStatus.Evaluated)
        {
            return new IssueFindings(issue.ProjectId, issue.Iid, []);
        }

        var project = HygieneReport.ProjectOf(issue);
        var assignee = HygieneReport.AssigneeOf(issue);
        // Never stored, so never shown: a confidential issue's title, or the title of one being contained right now.
        var title = issue.Confidential || credentialFound ? null : Core.Secrets.SecretRedactor.Mask(issue.Title);
        return new IssueFindings(issue.ProjectId, issue.Iid, [.. verdict.Violations
            .Select(v => new CurrentFinding(issue.ProjectId, issue.Iid, v.Rule, v.Severity.ToString().ToLowerInvariant(), project, assignee, issue.WebUrl, title))]);
    }
}

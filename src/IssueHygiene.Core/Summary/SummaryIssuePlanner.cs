using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Summary;

/// <summary>Decides the summary issue's write (pure): create once, then edit in place, never a second issue.</summary>
public static class SummaryIssuePlanner
{
    /// <param name="run">The run to describe.</param>
    /// <param name="title">The issue's title (from the rules file).</param>
    /// <param name="projectId">The project the issue lives in (used when creating it).</param>
    /// <param name="existing">The issue found by its marker; null when there is none yet.</param>
    /// <param name="labels">Labels to create it with (the exemption label, so the rules leave it alone).</param>
    /// <param name="maxLength">The description limit (GitLab's).</param>
    public static SummaryIssuePlan Plan(SummaryRun run, string title, long projectId, ExistingSummaryIssue? existing, IReadOnlyList<string> labels,
        int maxLength = SummaryIssueRenderer.GitLabDescriptionLimit)
    {
        var description = SummaryIssueRenderer.Render(run, maxLength);
        if (existing is null)
        {
            var fields = new IssueChange { Title = title, Labels = labels.Count > 0 ? labels : null };
            return new SummaryIssuePlan(run.Scope, projectId, null, title, description,
                new PlannedWrite { Kind = WriteKind.IssueCreate, Body = description, Change = fields });
        }

        if (existing.Description == description && existing.Title == title)
        {
            return new SummaryIssuePlan(run.Scope, existing.ProjectId, existing.Iid, title, description, null);
        }

        var edit = new IssueChange { Title = existing.Title != title ? title : null };
        return new SummaryIssuePlan(run.Scope, existing.ProjectId, existing.Iid, title, description,
            new PlannedWrite { Kind = WriteKind.IssueEdit, Body = description, Change = edit });
    }
}
